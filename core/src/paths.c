/* paths.c — see paths.h. */
#define _DEFAULT_SOURCE
#include "paths.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *paths_exe_dir(void)
{
	static char dir[2048];
	if (!dir[0]) {
		ssize_t n = readlink("/proc/self/exe", dir, sizeof dir - 1);
		dir[n > 0 ? n : 0] = '\0';
		char *slash = strrchr(dir, '/');
		if (slash)
			*slash = '\0';
	}
	return dir;
}

int paths_is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int paths_is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}
