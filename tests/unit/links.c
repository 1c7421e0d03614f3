/* SPDX-License-Identifier: GPL-2.0-only
 * links.c - input of test_links: pointers named by the way from a
 * parameter to them (site_arg.walk), and stores of one such pointer into
 * another's member (link_store), extract/links.c.
 */
#define NULL ((void *)0)
#define offsetof(t, m) __builtin_offsetof(t, m)
#define container_of(ptr, type, member) ({ \
	void *__mptr = (void *)(ptr); \
	((type *)(__mptr - offsetof(type, member))); })

struct node { struct node *up; void *data; };
struct key { int a, b; };
struct port { int id; struct key key; struct node node; };
struct box { struct node *first; struct port *port; };

void take(struct port *p);
void take_node(struct node *n);
void take_data(void *d);
void take_key(struct key k);

static void *node_data(const struct node *n)
{
	return n->data;
}

static struct port *port_of(struct node *n)
{
	struct box *b = node_data(n);

	return b ? b->port : NULL;
}

static void node_set_data(struct node *n, void *d)
{
	n->data = d;               /* link: arg#0/L:node.data = arg#1 */
}

/* container_of a member further in than the first, through a local set once */
void up_and_over(struct node *n)
{
	struct port *p = container_of(n->up, struct port, node);

	take(p);                   /* walk: arg#0/L:node.up/U:port.node */
	take_node(&p->node);       /* walk: .../U:port.node/E:port.node */
	take(port_of(n));          /* walk through two calls of this file */
}

void link_both(struct port *p, struct box *b)
{
	p->node.up = b->first;     /* link: arg#0/E:port.node/L:node.up = arg#1/L:box.first */
	node_set_data(&p->node, b); /* a call: check carries its link up */
	b->port = p;               /* link: arg#1/L:box.port = arg#0 */
	p->node.data = p;          /* one object's own member: no link */
}

void no_walks(struct port *p, int k)
{
	struct port *q = p;

	if (k)
		q = NULL;
	take(q);                   /* a local written twice: no walk */
	take_key(p->key);          /* a struct passed by value: no walk */
	take_data(p);              /* a bare parameter as 'void *': walk arg#0 */
}
