/*
 * test_sdk.c — the plugin SDK (issue 8), the example contacts plugin, and
 * interface versions.
 *
 * SDK cases install the build into a fresh prefix with `cmake --install`,
 * copy plugins/contacts/{contacts.c,Makefile} into a temporary folder and
 * build it there with nothing but that prefix's pkg-config file (or its
 * CMake package) and cc, then render with the *installed* program, whose own
 * contacts.so has been removed so only the one just built can be found.
 *
 * Contacts cases render data/people.cfg with the build tree's program.
 *
 * ABI cases use probes (abi_probe.c) built claiming other versions, and
 * briefpack_next_minor (loader_next_minor.c): the real program with its
 * loader one minor version ahead, standing in for a future briefpack that
 * must still load today's plugins.
 */
#define _GNU_SOURCE
#include "bptest.h"

#include <briefpack/plugin.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ------------------------------------------------------------------ */
/* Helpers                                                              */
/* ------------------------------------------------------------------ */

/* The job of the contacts cases (it names data/people.cfg). */
static const char *job_path(void)
{
	return bpt_path(bpt_src(), "tests/sdk/data/job.cfg");
}

static int file_exists(const char *path)
{
	return access(path, F_OK) == 0;
}

/* Runs a command that must succeed; returns its standard output. */
static char *must(bpt_result r, const char *what)
{
	ck_assert_msg(r.status == 0, "%s failed (%d):\n%s\n%s", what, r.status, r.out, r.err);
	free(r.err);
	return r.out;
}

/* Installs the build into a fresh prefix.  cmake --install writes
 * install_manifest.txt into the build folder, so installs take turns. */
static const char *install(void)
{
	const char *prefix = bpt_path(bpt_tmpdir(), "prefix");
	free(must(bpt_sh("flock '%s/sdk-install.lock' cmake --install '%s' --prefix '%s' 2>&1",
	                 bpt_build(), bpt_build(), prefix),
	          "cmake --install"));
	return prefix;
}

/* Installs, then removes the installed contacts.so so that only a contacts
 * built by the test can be found by the installed program. */
static const char *install_without_contacts(void)
{
	const char *prefix = install();
	char *so = bpt_path(prefix, "lib/briefpack/plugins/contacts.so");
	ck_assert_int_eq(unlink(so), 0);
	return prefix;
}

/* A copy of the example plugin's folder, outside the source tree. */
static const char *copy_example(void)
{
	const char *dir = bpt_tmpdir();
	free(must(bpt_sh("cp '%s/plugins/contacts/contacts.c' '%s/plugins/contacts/Makefile' '%s'",
	                 bpt_src(), bpt_src(), dir),
	          "cp"));
	return dir;
}

/* The environment for building out of tree: the prefix's pkg-config file
 * and nothing that could point the compiler elsewhere. */
#define CLEAN_ENV                                                                                  \
	"env -u CPATH -u C_INCLUDE_PATH -u LIBRARY_PATH -u BRIEFPACK_PLUGIN_PATH "                 \
	"PKG_CONFIG_PATH='%s/lib/pkgconfig' "

/* Builds the copied example with its Makefile; returns the folder. */
static const char *build_example(const char *prefix)
{
	const char *dir = copy_example();
	char *out =
	        must(bpt_sh("cd '%s' && " CLEAN_ENV "make CFLAGS='-O2 -Wall -Wextra -Werror' 2>&1",
	                    dir, prefix),
	             "make");
	ck_assert_msg(!strstr(out, bpt_src()), "the build used the source tree:\n%s", out);
	ck_assert_msg(strstr(out, bpt_path(prefix, "include")), "no -I for the prefix:\n%s", out);
	free(out);
	ck_assert(file_exists(bpt_path(dir, "contacts.so")));
	return dir;
}

/* What the contacts section of data/people.cfg must show. */
static void assert_contacts_pdf(const char *pdf)
{
	char *t = bpt_pdf_text(pdf, 0, 0);
	ck_assert_ptr_nonnull(t);
	ck_assert_msg(strstr(t, "Russia") && strstr(t, "Tajikistan") && strstr(t, "Kazakhstan"),
	              "delegations missing:\n%s", t);
	ck_assert_msg(strstr(t, "Yuri Sidorov RU03") && strstr(t, "Head of delegation"), "%s", t);
	ck_assert_msg(strstr(t, "Observer UN03"), "people without delegation missing");
	ck_assert_int_ge(bpt_pdf_pages(pdf), 3);
	free(t);
}

/* The installed program renders the contacts job; extra are arguments and
 * env a prefix of environment settings.  Returns the result. */
static bpt_result render_installed(const char *prefix, const char *env, const char *extra,
                                   const char *pdf)
{
	return bpt_sh("env -u BRIEFPACK_PLUGIN_PATH %s '%s/bin/briefpack' render '%s' -o '%s' %s",
	              env, prefix, job_path(), pdf, extra);
}

/* Renders the contacts job with the build tree's program. */
static bpt_result render(const char *pdf, const char *extra)
{
	return bpt_sh("'%s' render '%s' -o '%s' %s", bpt_bin(), job_path(), pdf, extra);
}

static char *render_ok(const char *extra)
{
	char *pdf = bpt_path(bpt_tmpdir(), "contacts.pdf");
	bpt_result r = render(pdf, extra);
	ck_assert_msg(r.status == 0, "render %s failed (%d): %s", extra, r.status, r.err);
	bpt_free(&r);
	return pdf;
}

/* The first page whose text holds needle, or 0. */
static int page_of(const char *pdf, const char *needle)
{
	int n = bpt_pdf_pages(pdf);
	for (int p = 1; p <= n; p++) {
		char *t = bpt_pdf_text(pdf, p, p);
		int hit = t && strstr(t, needle);
		free(t);
		if (hit)
			return p;
	}
	return 0;
}

/* The top of the first word that contains needle, in points from the top
 * of its page plus 10000 per page before it (pdftotext -bbox); -1 if none. */
static double word_y(const char *pdf, const char *needle)
{
	char *x = must(bpt_sh("pdftotext -bbox '%s' -", pdf), "pdftotext -bbox");
	double y = -1;
	int page = 0;
	for (char *line = strtok(x, "\n"); line; line = strtok(NULL, "\n")) {
		if (strstr(line, "<page "))
			page++;
		char *w = strstr(line, "<word ");
		char *text = w ? strchr(w, '>') : NULL;
		if (text && strstr(text, needle)) {
			y = atof(strstr(w, "yMin=\"") + 6) + 10000.0 * (page - 1);
			break;
		}
	}
	free(x);
	return y;
}

/* The leaf entries of a PDF's outline (here: the level-2 ones) as
 * "Title@page" lines, in order.  qpdf prints an entry's page, then its kids,
 * then its title; a leaf's kids are "[]". */
static char *outline(const char *pdf)
{
	char *json = must(bpt_sh("qpdf --json --json-key=outlines '%s'", pdf), "qpdf");
	size_t cap = strlen(json) + 1, n = 0;
	char *list = calloc(1, cap);
	int page = 0, leaf = 0;
	for (char *line = strtok(json, "\n"); line; line = strtok(NULL, "\n")) {
		char *p = line + strspn(line, " ");
		if (!strncmp(p, "\"destpageposfrom1\": ", 20))
			page = atoi(p + 20);
		else if (!strncmp(p, "\"kids\": ", 8))
			leaf = !strncmp(p + 8, "[]", 2);
		else if (!strncmp(p, "\"title\": \"", 10)) {
			char *end = strrchr(p, '"');
			if (leaf && end > p + 10) {
				*end = '\0';
				n += (size_t)snprintf(list + n, cap - n, "%s@%d\n", p + 10, page);
			}
			leaf = 0;
		}
	}
	free(json);
	return list;
}

/* ------------------------------------------------------------------ */
/* SDK: install, pkg-config, man page                                   */
/* ------------------------------------------------------------------ */

START_TEST(install_tree)
{
	const char *p = install();
	static const char *const files[] = {
	        "bin/briefpack",
	        "include/briefpack/plugin.h",
	        "lib/pkgconfig/briefpack-plugin.pc",
	        "lib/cmake/briefpack/briefpackConfig.cmake",
	        "lib/cmake/briefpack/briefpackConfigVersion.cmake",
	        "share/man/man1/briefpack.1",
	        "share/briefpack/fonts/fonts.conf",
	        "lib/briefpack/plugins/cover.so",
	        "lib/briefpack/plugins/contents.so",
	        "lib/briefpack/plugins/timeline.so",
	        "lib/briefpack/plugins/participant_matrix.so",
	        "lib/briefpack/plugins/agenda_summary.so",
	        "lib/briefpack/plugins/contacts.so",
	};
	for (size_t i = 0; i < sizeof files / sizeof *files; i++)
		ck_assert_msg(file_exists(bpt_path(p, files[i])), "not installed: %s", files[i]);
	free(must(bpt_sh("cmp '%s/include/briefpack/plugin.h' '%s/core/include/briefpack/plugin.h'",
	                 p, bpt_src()),
	          "cmp header"));

	/* pkg-config answers with the prefix given at install time. */
	char *v = must(bpt_sh(CLEAN_ENV "pkg-config --variable=plugindir briefpack-plugin", p),
	               "pkg-config plugindir");
	char want[4096];
	snprintf(want, sizeof want, "%s/lib/briefpack/plugins\n", p);
	ck_assert_str_eq(v, want);
	free(v);
	v = must(bpt_sh(CLEAN_ENV "pkg-config --cflags --libs briefpack-plugin", p), "pkg-config");
	snprintf(want, sizeof want, "-I%s/include ", p);
	ck_assert_msg(strstr(v, want), "cflags lack %s: %s", want, v);
	ck_assert_msg(strstr(v, "pango-1.0") && strstr(v, "cairo") &&
	                      strstr(v, "-lpangocairo-1.0") && strstr(v, "-lcairo"),
	              "cairo/pango missing: %s", v);
	free(v);
	v = must(bpt_sh(CLEAN_ENV "pkg-config --variable=abi_major briefpack-plugin && " CLEAN_ENV
	                          "pkg-config --variable=abi_minor briefpack-plugin",
	                p, p),
	         "pkg-config abi");
	snprintf(want, sizeof want, "%d\n%d\n", BP_ABI_MAJOR, BP_ABI_MINOR);
	ck_assert_str_eq(v, want);
	free(v);
	/* The .pc's version is the program's. */
	char *ver = must(bpt_sh(CLEAN_ENV "pkg-config --modversion briefpack-plugin", p), "ver");
	char *prog = must(bpt_sh("'%s/bin/briefpack' --version", p), "--version");
	ver[strcspn(ver, "\n")] = '\0';
	snprintf(want, sizeof want, "briefpack %s (plugin interface %d.%d)", ver, BP_ABI_MAJOR,
	         BP_ABI_MINOR);
	ck_assert_msg(strstr(prog, want), "'%s' not in '%s'", want, prog);
	free(ver);
	free(prog);

	/* The installed program finds the installed plugins by itself. */
	char *list = must(bpt_sh("env -u BRIEFPACK_PLUGIN_PATH '%s/bin/briefpack' plugins", p),
	                  "plugins");
	ck_assert_msg(!strstr(list, "BROKEN"), "%s", list);
	snprintf(want, sizeof want, "%s/lib/briefpack/plugins/contacts.so", p);
	ck_assert_msg(strstr(list, want), "installed contacts not listed:\n%s", list);
	free(list);
}
END_TEST

/* Every option `briefpack --help` and `briefpack batch --help` name is in
 * the man page, as are the spec's batch options, the environment and the
 * exit status. */
START_TEST(man_page)
{
	const char *p = install();
	char *man = bpt_read(bpt_path(p, "share/man/man1/briefpack.1"), NULL);
	ck_assert_ptr_nonnull(man);
	static const char *const must_have[] = {
	        ".TH BRIEFPACK 1",     ".SH NAME",         ".SH SYNOPSIS",
	        ".SH OPTIONS",         ".SH ENVIRONMENT",  ".SH FILES",
	        ".SH \"EXIT STATUS\"", ".SH EXAMPLES",     "BRIEFPACK_PLUGIN_PATH",
	        "SOURCE_DATE_EPOCH",   "briefpack-plugin", "plugin_dirs",
	        "\\-\\-job",           "\\-\\-manifest",   "\\-\\-out\\-dir",
	        "\\-\\-shard",         "\\-\\-report",     "\\-\\-fail\\-fast",
	        "\\-\\-force",         "\\-\\-timeout",
	};
	for (size_t i = 0; i < sizeof must_have / sizeof *must_have; i++)
		ck_assert_msg(strstr(man, must_have[i]), "man page lacks %s", must_have[i]);

	char *help =
	        must(bpt_sh("'%s' --help && '%s' batch --help", bpt_bin(), bpt_bin()), "--help");
	int checked = 0;
	for (char *s = help; (s = strstr(s, "--"));) {
		size_t n = 2 + strspn(s + 2, "abcdefghijklmnopqrstuvwxyz-");
		if (n > 3) {
			char opt[64] = "", esc[160] = "";
			snprintf(opt, sizeof opt, "%.*s", (int)n, s);
			for (size_t k = 0, e = 0; opt[k] && e + 3 < sizeof esc; k++) {
				if (opt[k] == '-')
					esc[e++] = '\\';
				esc[e++] = opt[k];
			}
			ck_assert_msg(strstr(man, esc), "the man page lacks %s (from --help)", opt);
			checked++;
		}
		s += n;
	}
	ck_assert_int_ge(checked, 20);
	free(help);
	free(man);
}
END_TEST

/* The example built with its Makefile, pkg-config only, loaded with
 * --plugin-dir by the installed program. */
START_TEST(pkgconfig_build)
{
	const char *p = install_without_contacts();
	const char *dir = build_example(p);

	/* The header the compiler used is the installed one. */
	char *deps = must(bpt_sh("cd '%s' && " CLEAN_ENV
	                         "sh -c 'cc -M $(pkg-config --cflags briefpack-plugin) contacts.c'",
	                         dir, p),
	                  "cc -M");
	char want[4096];
	snprintf(want, sizeof want, "%s/include/briefpack/plugin.h", p);
	ck_assert_msg(strstr(deps, want), "plugin.h not from the prefix:\n%s", deps);
	ck_assert_msg(!strstr(deps, bpt_src()), "the source tree was used:\n%s", deps);
	free(deps);

	/* Only the descriptor is exported. */
	char *syms = must(bpt_sh("nm -D --defined-only '%s/contacts.so'", dir), "nm");
	ck_assert_int_eq(bpt_count(syms, "\n"), 1);
	ck_assert_msg(strstr(syms, " briefpack_plugin_contacts"), "%s", syms);
	free(syms);

	/* Without the folder the installed program has no contacts... */
	char *pdf = bpt_path(bpt_tmpdir(), "out.pdf");
	bpt_result r = render_installed(p, "", "", pdf);
	ck_assert_int_eq(r.status, 2);
	ck_assert_msg(strstr(r.err, "no plugin 'contacts'"), "%s", r.err);
	bpt_free(&r);
	ck_assert(!file_exists(pdf));

	/* ...with --plugin-dir it lists and uses the one just built. */
	char *list = must(bpt_sh("env -u BRIEFPACK_PLUGIN_PATH '%s/bin/briefpack' plugins "
	                         "--plugin-dir '%s'",
	                         p, dir),
	                  "plugins");
	snprintf(want, sizeof want, "%s/contacts.so", dir);
	ck_assert_msg(strstr(list, want), "%s", list);
	free(list);
	char arg[4096];
	snprintf(arg, sizeof arg, "--plugin-dir '%s'", dir);
	free(must(render_installed(p, "", arg, pdf), "render --plugin-dir"));
	assert_contacts_pdf(pdf);

	/* make install puts it where pkg-config says plugins go. */
	const char *stage = bpt_tmpdir();
	free(must(bpt_sh("cd '%s' && " CLEAN_ENV "make install DESTDIR='%s' 2>&1", dir, p, stage),
	          "make install"));
	snprintf(want, sizeof want, "%s%s/lib/briefpack/plugins/contacts.so", stage, p);
	ck_assert_msg(file_exists(want), "make install did not write %s", want);
}
END_TEST

/* The same plugin found through BRIEFPACK_PLUGIN_PATH (a list). */
START_TEST(plugin_path)
{
	const char *p = install_without_contacts();
	const char *dir = build_example(p);
	char *pdf = bpt_path(bpt_tmpdir(), "out.pdf");
	char env[4096];
	snprintf(env, sizeof env, "BRIEFPACK_PLUGIN_PATH='/nonexistent:%s'", dir);
	free(must(render_installed(p, env, "", pdf), "render with BRIEFPACK_PLUGIN_PATH"));
	assert_contacts_pdf(pdf);
	char *list = must(bpt_sh("%s '%s/bin/briefpack' plugins", env, p), "plugins");
	char want[4096];
	snprintf(want, sizeof want, "%s/contacts.so", dir);
	ck_assert_msg(strstr(list, want), "%s", list);
	ck_assert_msg(strstr(list, "searched: /nonexistent:"), "%s", list);
	free(list);
}
END_TEST

/* The example built with the installed CMake package. */
START_TEST(cmake_package)
{
	const char *p = install_without_contacts();
	const char *dir = copy_example();
	bpt_write(bpt_path(dir, "CMakeLists.txt"),
	          "cmake_minimum_required(VERSION 3.16)\n"
	          "project(contacts_plugin C)\n"
	          "find_package(briefpack 0.1 REQUIRED)\n"
	          "briefpack_add_plugin(contacts contacts.c)\n"
	          "message(STATUS \"plugins go to ${BRIEFPACK_PLUGIN_DIR}\")\n");
	char *out = must(bpt_sh("cd '%s' && env -u CPATH -u C_INCLUDE_PATH cmake -S . -B build "
	                        "-DCMAKE_PREFIX_PATH='%s' 2>&1 && cmake --build build 2>&1",
	                        dir, p),
	                 "cmake");
	char want[4096];
	snprintf(want, sizeof want, "plugins go to %s/lib/briefpack/plugins\n", p);
	ck_assert_msg(strstr(out, want), "%s", out);
	free(out);
	char *syms = must(bpt_sh("nm -D --defined-only '%s/build/contacts.so'", dir), "nm");
	ck_assert_int_eq(bpt_count(syms, "\n"), 1);
	free(syms);
	char *pdf = bpt_path(bpt_tmpdir(), "out.pdf");
	char arg[4096];
	snprintf(arg, sizeof arg, "--plugin-dir '%s/build'", dir);
	free(must(render_installed(p, "", arg, pdf), "render"));
	assert_contacts_pdf(pdf);
}
END_TEST

/* ------------------------------------------------------------------ */
/* The contacts plugin                                                  */
/* ------------------------------------------------------------------ */

static const char *const codes[] = {"RU", "TJ", "KZ", "AE", "UN"};
static const int counts[] = {45, 12, 3, 2, 3};

/* Every person of data/people.cfg is listed exactly once. */
static void assert_everyone_once(const char *pdf)
{
	char *t = bpt_pdf_text(pdf, 0, 0);
	for (size_t c = 0; c < 5; c++)
		for (int i = 1; i <= counts[c]; i++) {
			char code[16];
			snprintf(code, sizeof code, "%s%02d", codes[c], i);
			ck_assert_msg(bpt_count(t, code) == 1, "%s appears %d times", code,
			              bpt_count(t, code));
		}
	free(t);
}

START_TEST(contacts_pages)
{
	char *pdf = render_ok("");
	int pages = bpt_pdf_pages(pdf);
	ck_assert_int_ge(pages, 3);
	assert_everyone_once(pdf);

	char *t = bpt_pdf_text(pdf, 0, 0);
	/* The head first, then file order; the member-less delegation is out. */
	const char *ru03 = strstr(t, "RU03"), *ru01 = strstr(t, "RU01"), *ru02 = strstr(t, "RU02");
	ck_assert(ru03 && ru01 && ru02 && ru03 < ru01 && ru01 < ru02);
	ck_assert_ptr_null(strstr(t, "Empty delegation"));
	/* A role longer than two lines is cut short (pdftotext still sees
	 * all of it: cairo keeps the ellipsized text as the glyph's text). */
	ck_assert_ptr_nonnull(strstr(t, "Special Representative"));
	double cut = word_y(pdf, "RU08") - word_y(pdf, "RU07");
	double kept = word_y(pdf, "RU07") - word_y(pdf, "RU06");
	ck_assert_msg(cut > kept && cut < 2 * kept, "rows: %g then %g", kept, cut);
	/* Native names, Cyrillic with Tajik letters and Arabic. */
	ck_assert_ptr_nonnull(strstr(t, "Юрий Сидоров"));
	ck_assert_ptr_nonnull(strstr(t, "Қодирӣ"));
	free(t);

	/* Russia runs over pages: each later page of it opens "continued". */
	int last_ru = page_of(pdf, "RU45");
	ck_assert_int_gt(last_ru, 1);
	for (int pg = 2; pg <= last_ru; pg++) {
		char *pt = bpt_pdf_text(pdf, pg, pg);
		ck_assert_msg(strstr(pt, "Russia (continued)"), "page %d: %s", pg, pt);
		free(pt);
	}
	/* A group's heading never ends a page: it stands with its first rows. */
	ck_assert_int_eq(page_of(pdf, "Tajikistan"), page_of(pdf, "TJ02"));
	ck_assert_int_eq(page_of(pdf, "United Arab Emirates"), page_of(pdf, "AE02"));

	/* One level-2 outline entry per listed group, on its heading's page. */
	char *o = outline(pdf);
	char want[1024];
	snprintf(want, sizeof want,
	         "Russia@%d\nTajikistan@%d\nKazakhstan@%d\nUnited Arab Emirates@%d\n"
	         "No delegation@%d\n",
	         page_of(pdf, "RU03"), page_of(pdf, "TJ01"), page_of(pdf, "KZ01"),
	         page_of(pdf, "AE01"), page_of(pdf, "UN01"));
	ck_assert_str_eq(o, want);
	free(o);

	/* Smaller pages: more of them, still everyone exactly once. */
	char *small = render_ok("--set page.size='\"A5\"'");
	ck_assert_int_gt(bpt_pdf_pages(small), pages);
	assert_everyone_once(small);
}
END_TEST

START_TEST(contacts_options)
{
	char *pdf = render_ok("--set 'sections.[0].show_native=false'");
	char *t = bpt_pdf_text(pdf, 0, 0);
	ck_assert_ptr_null(strstr(t, "Юрий Сидоров"));
	ck_assert_ptr_nonnull(strstr(t, "Yuri Sidorov RU03"));
	free(t);

	pdf = render_ok("--set 'sections.[0].delegations=[\"kz\", \"tj\"]'");
	t = bpt_pdf_text(pdf, 0, 0);
	ck_assert_ptr_nonnull(strstr(t, "TJ12"));
	ck_assert_ptr_nonnull(strstr(t, "KZ03"));
	ck_assert_ptr_nonnull(strstr(t, "UN01"));
	ck_assert_ptr_null(strstr(t, "RU03"));
	ck_assert_ptr_null(strstr(t, "AE01"));
	free(t);
	char *o = outline(pdf); /* dossier order, not the option's */
	ck_assert_str_eq(o, "Tajikistan@1\nKazakhstan@1\nNo delegation@1\n");
	free(o);

	pdf = render_ok("--set 'sections.[0].show_unaffiliated=false'");
	t = bpt_pdf_text(pdf, 0, 0);
	ck_assert_ptr_null(strstr(t, "UN01"));
	ck_assert_ptr_null(strstr(t, "No delegation"));
	free(t);

	/* More lines for the long role: its row grows. */
	double two = word_y(render_ok(""), "RU08") - word_y(render_ok(""), "RU07");
	pdf = render_ok("--set 'sections.[0].role_lines=6'");
	double six = word_y(pdf, "RU08") - word_y(pdf, "RU07");
	ck_assert_msg(six > two * 1.5, "row of 2 lines %g, of 6 lines %g", two, six);

	/* The pack's language: own words, host labels, default title. */
	pdf = render_ok("--set document.language='\"ru\"'");
	t = bpt_pdf_text(pdf, 0, 0);
	ck_assert_ptr_nonnull(strstr(t, "Глава делегации"));
	ck_assert_ptr_nonnull(strstr(t, "Должность"));
	ck_assert_ptr_nonnull(strstr(t, "Russia (продолжение)"));
	ck_assert_ptr_nonnull(strstr(t, "Контакты"));
	free(t);

	/* The schema as --describe prints it. */
	char *d = must(bpt_sh("'%s' plugins --describe contacts", bpt_bin()), "--describe");
	ck_assert_ptr_nonnull(strstr(d, "delegations        a list of strings"));
	ck_assert_ptr_nonnull(strstr(d, "show_native        true or false; default true"));
	ck_assert_ptr_nonnull(strstr(d, "role_lines         an integer, 1 to 6; default 2"));
	free(d);
}
END_TEST

START_TEST(contacts_errors)
{
	/* An unknown delegation in the filter is a configuration error (create()
	 * reports it: exit status 2), naming it. */
	char *pdf = bpt_path(bpt_tmpdir(), "x.pdf");
	bpt_result r = render(pdf, "--set 'sections.[0].delegations=[\"tj\", \"xx\"]'");
	ck_assert_int_eq(r.status, 2);
	ck_assert_msg(strstr(r.err, "no delegation 'xx'") && strstr(r.err, "contacts"), "%s",
	              r.err);
	ck_assert(!file_exists(pdf));
	bpt_free(&r);

	/* Out of range: the host refuses it before the plugin runs. */
	r = render(pdf, "--set 'sections.[0].role_lines=0'");
	ck_assert_int_eq(r.status, 2);
	ck_assert_msg(strstr(r.err, "role_lines"), "%s", r.err);
	bpt_free(&r);

	/* Nobody to list: one page that says so. */
	const char *dir = bpt_tmpdir();
	char *dossier = bpt_path(dir, "nobody.cfg");
	bpt_write(dossier, "version = 1;\ntitle = \"Nobody\";\n"
	                   "delegations = ( { id = \"ru\"; name = \"Russia\"; } );\n");
	char arg[4096];
	snprintf(arg, sizeof arg, "--data '%s'", dossier);
	pdf = render_ok(arg);
	ck_assert_int_eq(bpt_pdf_pages(pdf), 1);
	char *t = bpt_pdf_text(pdf, 0, 0);
	ck_assert_ptr_nonnull(strstr(t, "Nobody to list."));
	ck_assert_ptr_null(strstr(t, "Russia"));
	free(t);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Interface versions                                                   */
/* ------------------------------------------------------------------ */

/* A job of one contacts section and one section per plugin named. */
static char *probe_job(const char *plugins)
{
	const char *dir = bpt_tmpdir();
	char *job = bpt_path(dir, "job.cfg");
	char text[4096];
	snprintf(text, sizeof text,
	         "version = 1;\ndocument = { title = \"ABI\"; date = \"2025-10-07\"; };\n"
	         "data = \"%s/tests/sdk/data/people.cfg\";\n"
	         "output = { file = \"out.pdf\"; };\n"
	         "sections = ( { plugin = \"contacts\"; }, %s );\n",
	         bpt_src(), plugins);
	bpt_write(job, text);
	return job;
}

/* The `briefpack plugins` line of a plugin ("" if none). */
static char *plugin_line(const char *list, const char *name)
{
	static char line[2048];
	line[0] = '\0';
	size_t n = strlen(name);
	for (const char *s = list; s && *s; s = strchr(s, '\n') ? strchr(s, '\n') + 1 : NULL)
		if (!strncmp(s, name, n) && s[n] == ' ') {
			snprintf(line, sizeof line, "%.*s", (int)strcspn(s, "\n"), s);
			break;
		}
	return line;
}

/* The message a refused plugin gets names both versions. */
static void assert_refused(const char *text, const char *name, int major, int minor, int host_major,
                           int host_minor)
{
	char plugin_v[64], host_v[64];
	snprintf(plugin_v, sizeof plugin_v, "built for plugin interface %d.%d", major, minor);
	snprintf(host_v, sizeof host_v, "this briefpack has interface %d.%d", host_major,
	         host_minor);
	const char *line = strstr(text, name);
	ck_assert_msg(line, "%s not mentioned:\n%s", name, text);
	ck_assert_msg(strstr(text, plugin_v) && strstr(text, host_v),
	              "refusal of %s does not name %s and %s:\n%s", name, plugin_v, host_v, text);
}

static char *plugins_list(const char *bin, int want_status)
{
	bpt_result r = bpt_sh("env -u BRIEFPACK_PLUGIN_PATH '%s' plugins --plugin-dir '%s'", bin,
	                      SDK_PROBE_DIR);
	ck_assert_msg(r.status == want_status, "plugins: status %d:\n%s%s", r.status, r.out, r.err);
	free(r.err);
	return r.out;
}

START_TEST(abi_major)
{
	char *list = plugins_list(bpt_bin(), 1);
	char *l = plugin_line(list, "abi_major_next");
	ck_assert_msg(strstr(l, "BROKEN"), "%s", list);
	assert_refused(l, "abi_major_next", BP_ABI_MAJOR + 1, 0, BP_ABI_MAJOR, BP_ABI_MINOR);
	l = plugin_line(list, "abi_major_prev");
	ck_assert_msg(strstr(l, "BROKEN"), "%s", list);
	assert_refused(l, "abi_major_prev", BP_ABI_MAJOR - 1, BP_ABI_MINOR, BP_ABI_MAJOR,
	               BP_ABI_MINOR);
	/* The control: the same probe claiming this version loads. */
	l = plugin_line(list, "abi_same");
	ck_assert_msg(l[0] && !strstr(l, "BROKEN"), "%s", list);
	free(list);

	/* A job using it is refused as bad configuration, nothing written. */
	char *job = probe_job("{ plugin = \"abi_major_next\"; }");
	char *pdf = bpt_path(bpt_tmpdir(), "out.pdf");
	bpt_result r = bpt_sh("'%s' render '%s' -o '%s' --plugin-dir '%s'", bpt_bin(), job, pdf,
	                      SDK_PROBE_DIR);
	ck_assert_int_eq(r.status, 2);
	assert_refused(r.err, "abi_major_next", BP_ABI_MAJOR + 1, 0, BP_ABI_MAJOR, BP_ABI_MINOR);
	ck_assert(!file_exists(pdf));
	bpt_free(&r);
	r = bpt_sh("'%s' check '%s' --plugin-dir '%s'", bpt_bin(), job, SDK_PROBE_DIR);
	ck_assert_int_eq(r.status, 2);
	bpt_free(&r);
}
END_TEST

/* A plugin built against a newer minor than the host's may use what the
 * host lacks: refused. */
START_TEST(abi_newer_minor)
{
	char *list = plugins_list(bpt_bin(), 1);
	char *l = plugin_line(list, "abi_minor_next");
	ck_assert_msg(strstr(l, "BROKEN"), "%s", list);
	assert_refused(l, "abi_minor_next", BP_ABI_MAJOR, BP_ABI_MINOR + 1, BP_ABI_MAJOR,
	               BP_ABI_MINOR);
	free(list);
	char *job = probe_job("{ plugin = \"abi_minor_next\"; }");
	char *pdf = bpt_path(bpt_tmpdir(), "out.pdf");
	bpt_result r = bpt_sh("'%s' render '%s' -o '%s' --plugin-dir '%s'", bpt_bin(), job, pdf,
	                      SDK_PROBE_DIR);
	ck_assert_int_eq(r.status, 2);
	assert_refused(r.err, "abi_minor_next", BP_ABI_MAJOR, BP_ABI_MINOR + 1, BP_ABI_MAJOR,
	               BP_ABI_MINOR);
	bpt_free(&r);
}
END_TEST

/* A host one minor ahead loads plugins built against today's header (an
 * older minor for it) and renders with them; it still refuses a newer one. */
START_TEST(abi_older_minor)
{
	const char *next = SDK_NEXT_MINOR_BIN;
	char *list = plugins_list(next, 1);
	char *l = plugin_line(list, "abi_same"); /* built with today's BP_PLUGIN_ABI */
	char want[64];
	snprintf(want, sizeof want, "interface %d.%d", BP_ABI_MAJOR, BP_ABI_MINOR);
	ck_assert_msg(l[0] && !strstr(l, "BROKEN") && strstr(l, want), "%s", list);
	l = plugin_line(list, "abi_minor_next"); /* its own minor */
	ck_assert_msg(l[0] && !strstr(l, "BROKEN"), "%s", list);
	l = plugin_line(list, "abi_minor_next2");
	assert_refused(l, "abi_minor_next2", BP_ABI_MAJOR, BP_ABI_MINOR + 2, BP_ABI_MAJOR,
	               BP_ABI_MINOR + 1);
	l = plugin_line(list, "abi_major_next");
	ck_assert_msg(strstr(l, "BROKEN"), "%s", list);
	free(list);

	/* It renders a pack with today's contacts.so and the probe. */
	char *job = probe_job("{ plugin = \"abi_same\"; }");
	char *pdf = bpt_path(bpt_tmpdir(), "out.pdf");
	bpt_result r = bpt_sh("'%s' render '%s' -o '%s' --plugin-dir '%s' --plugin-dir '%s'", next,
	                      job, pdf, SDK_PROBE_DIR, bpt_plugin_dir());
	ck_assert_msg(r.status == 0, "render: %d %s", r.status, r.err);
	bpt_free(&r);
	char *t = bpt_pdf_text(pdf, 0, 0);
	ck_assert_ptr_nonnull(strstr(t, "ABI PROBE abi_same"));
	ck_assert_ptr_nonnull(strstr(t, "Yuri Sidorov RU03"));
	free(t);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("sdk");
	struct {
		const char *name;
		const TTest *test;
	} cases[] = {
	        {"install", install_tree},
	        {"man", man_page},
	        {"pkgconfig_build", pkgconfig_build},
	        {"plugin_path", plugin_path},
	        {"cmake_package", cmake_package},
	        {"contacts_pages", contacts_pages},
	        {"contacts_options", contacts_options},
	        {"contacts_errors", contacts_errors},
	        {"abi_major", abi_major},
	        {"abi_newer_minor", abi_newer_minor},
	        {"abi_older_minor", abi_older_minor},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		TCase *tc = tcase_create(cases[i].name);
		tcase_add_test(tc, cases[i].test);
		suite_add_tcase(s, tc);
	}
	return s;
}

int main(void)
{
	return bpt_main(make_suite);
}
