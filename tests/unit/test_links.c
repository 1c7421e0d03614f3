// SPDX-License-Identifier: GPL-2.0-only
/*
 * test_links.c - the facts extract records for check/links.c, on links.c:
 * the walk from a parameter to each pointer argument (a container_of() of
 * a member further in, the value a call of this file returns, 'p ? p->x :
 * NULL'), none where a local is written twice or a struct goes by value,
 * and the stores that link one parameter's object to another's.
 *
 * usage: test_links RULES_DIR links.c WORK_DB
 */
#include "fixture.h"
#include "expect.h"

#include <stdio.h>

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: test_links RULES_DIR links.c WORK_DB\n");
		return 2;
	}
	struct lp_rules *r = fixture_rules(argv[1]);
	bool clean;
	struct lp_db *db = fixture_extract(r, argv[3], argv[2], NULL, &clean);
	expect(clean, "links.c parses cleanly");
	expect(fixture_text_is(db, "SELECT group_concat(x, ' ') FROM (SELECT s.callee_name || '#' || a.n || '=' || "
		    "a.walk AS x FROM site_arg a JOIN site s ON s.id = a.site_id JOIN func f ON f.id = s.func_id "
		    "WHERE a.walk IS NOT NULL AND f.name = 'up_and_over' ORDER BY s.line, x)",
		    "take#0=arg#0/L:node.up/U:port.node take_node#0=arg#0/L:node.up/U:port.node/E:port.node "
		    "take#0=arg#0/L:node.data/L:box.port"),
		    "container_of() of a member at an offset, an embedded member's address, and what "
		    "port_of() returns through node_data() and 'b ? b->port : NULL'");
	expect(fixture_text_is(db, "SELECT group_concat(x, ' ') FROM (SELECT s.callee_name || '#' || a.n || '=' || "
		    "a.walk AS x FROM site_arg a JOIN site s ON s.id = a.site_id JOIN func f ON f.id = s.func_id "
		    "WHERE a.walk IS NOT NULL AND f.name = 'no_walks' ORDER BY s.line, x)",
		    "take_data#0=arg#0"),
		    "no walk through a local written twice or for a struct by value; a bare parameter "
		    "where obj_key does not name it");
	expect(fixture_text_is(db, "SELECT group_concat(x, ' ') FROM (SELECT f.name || ':' || l.dst || '=' || l.src "
		    "AS x FROM link_store l JOIN func f ON f.id = l.func_id ORDER BY x)",
		    "link_both:arg#0/E:port.node/L:node.up=arg#1/L:box.first link_both:arg#1/L:box.port=arg#0 "
		    "node_set_data:arg#0/L:node.data=arg#1"),
		    "stores from one parameter's walk into another's member; none within one object");
	db_close(db);
	rules_free(r);
	return expect_done("links");
}
