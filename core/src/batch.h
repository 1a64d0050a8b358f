/*
 * batch.h — `briefpack batch`: many packs from one command, in worker
 * processes forked after start-up work is done.
 */
#ifndef BP_BATCH_H
#define BP_BATCH_H

/* argv as given to the program (argv[1] is "batch"); returns the exit
 * status: 0 all done, 1 any job failed, 2 bad usage. */
int batch_main(int argc, char **argv);

#endif
