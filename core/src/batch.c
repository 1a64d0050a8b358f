/* batch.c — see batch.h.  (Being written: issue 6.) */
#include "batch.h"

#include <stdio.h>

int batch_main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "briefpack: batch is not available yet\n");
	return 2;
}
