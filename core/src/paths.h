/*
 * paths.h — where the running program lives, so that it finds its plugins
 * and fonts both in a build tree and once installed (relocatably).
 */
#ifndef BP_PATHS_H
#define BP_PATHS_H

/* The folder holding the briefpack executable ("" if unknown). */
const char *paths_exe_dir(void);
/* 1 if path is an existing folder / regular file. */
int paths_is_dir(const char *path);
int paths_is_file(const char *path);

#endif
