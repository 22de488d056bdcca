/* fault_io.h - included first (-include) when src/main.c is compiled into
 * the fault-injecting test program: its main() becomes liseuse_main(),
 * called by tests/fault_io.c once the faults are set up. */
#ifndef LISEUSE_FAULT_IO_H
#define LISEUSE_FAULT_IO_H

int liseuse_main(int argc, char **argv);

#endif
