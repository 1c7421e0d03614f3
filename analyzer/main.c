// SPDX-License-Identifier: GPL-2.0-only
/*
 * main.c - the lockpath command: dispatch to a subcommand (cli/cmd_*.c),
 * git style.  Exit status everywhere: 0 no findings, 1 findings, 2 usage or
 * tool error.
 */
#include "cli/cli.h"

#include <stdio.h>
#include <string.h>

struct command { const char *name; int (*fn)(int, char **); const char *summary; };

static const struct command commands[] = {
	{ "run", cmd_run, "extract, check and report in one go (the usual command)" },
	{ "extract", cmd_extract, "parse a compile database into facts" },
	{ "merge", cmd_merge, "combine the databases of sharded extract jobs" },
	{ "check", cmd_check, "link the facts and run the checks" },
	{ "report", cmd_report, "print stored findings as text, SARIF or an HTML report" },
	{ "gate", cmd_gate, "fail on findings a baseline does not have (CI)" },
	{ "cc", cmd_cc, "extract one C file (Kbuild's CHECK hook: make C=1|C=2 CHECK=...)" },
};

static void usage(FILE *out)
{
	fprintf(out,
		"usage: lockpath [--version] [--help] COMMAND [ARGS]\n"
		"\n"
		"lockpath finds lock-dependency bugs in Linux virtio transports: paths from\n"
		"interrupt entry points (do_cio_interrupt, ...) that re-acquire a held lock,\n"
		"following calls through ops tables, function-pointer arrays and macros,\n"
		"and knowing when two lock names are one lock.\n"
		"\n"
		"Commands:\n");
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(out, "  %-9s %s\n", commands[i].name, commands[i].summary);
	fprintf(out,
		"\n"
		"'lockpath COMMAND --help' explains a command.  A typical use:\n"
		"  lockpath run path/to/compile_commands.json --sarif out.sarif\n"
		"\n"
		"Exit status: 0 no findings, 1 findings, 2 usage or tool error (or interrupted).\n");
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return LP_EXIT_ERROR;
	}
	const char *cmd = argv[1];
	if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
		if (argc > 2 && strcmp(cmd, "help") == 0) {
			char *sub[] = { argv[2], "--help", NULL };
			for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
				if (!strcmp(commands[i].name, argv[2]))
					return commands[i].fn(2, sub);
		}
		usage(stdout);
		return LP_EXIT_CLEAN;
	}
	if (!strcmp(cmd, "--version")) {
		printf("lockpath %s\n", LP_VERSION);
		return LP_EXIT_CLEAN;
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (!strcmp(commands[i].name, cmd))
			return commands[i].fn(argc - 1, argv + 1);
	fprintf(stderr, "lockpath: error: '%s' is not a lockpath command; see 'lockpath --help'\n", cmd);
	return LP_EXIT_ERROR;
}
