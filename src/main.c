/* main.c - command-line entry point (being assembled). */
#include "config.h"

int main(void);

int
main(void)
{
	return 2;
}
