/*
 * batch_plan.h — the pure logic of `briefpack batch`, kept apart from
 * rendering so a unit test can compile it in directly: output names, shard
 * membership, output collisions, manifest lines, "K/N" and JSON strings.
 */
#ifndef BP_BATCH_PLAN_H
#define BP_BATCH_PLAN_H

#include <stddef.h>
#include <stdio.h>

/* The file name without its folder and without its last extension
 * ("a/house.v2.cfg" → "house.v2"); malloc'd. */
char *bplan_stem(const char *path);

/* The extension of an output path without the dot ("pdf" when none);
 * malloc'd. */
char *bplan_ext(const char *path);

/* "<dossier stem>.<ext>", or "<job stem>--<dossier stem>.<ext>" when
 * with_job, inside out_dir (NULL: the current folder); malloc'd. */
char *bplan_output_name(const char *out_dir, const char *job, const char *dossier, const char *ext,
                        int with_job);

/* Parses "K/N" (1 <= K <= N); 0, or -1. */
int bplan_parse_shard(const char *s, int *k, int *n);
/* Job number (1-based) belongs to shard K of N. */
int bplan_in_shard(int number, int k, int n);

/* The path made absolute against cwd and normalised lexically (no ".",
 * "..", or doubled slashes), so two spellings of one output compare equal;
 * malloc'd. */
char *bplan_canonical(const char *path, const char *cwd);

/* Calls clash(a, b, ctx) for every job b whose canonical output equals an
 * earlier job a's (indexes into paths; NULL entries are ignored).  Returns
 * the number of clashes. */
size_t bplan_collisions(char *const *paths, size_t n, void (*clash)(size_t a, size_t b, void *ctx),
                        void *ctx);

/* Splits a manifest line in place at tabs (a trailing "\r\n" or "\n" is
 * removed).  Returns the number of fields (at most max; -1 if there are
 * more), 0 for a blank line or a comment (#). */
int bplan_manifest_fields(char *line, char **fields, int max);

/* Writes s as a JSON string (quoted, escaped; bytes that are not UTF-8
 * become U+FFFD so the line stays valid JSON); NULL writes null. */
void bplan_json_string(FILE *out, const char *s);

#endif
