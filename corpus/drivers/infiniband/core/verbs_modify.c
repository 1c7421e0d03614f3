// SPDX-License-Identifier: GPL-2.0-only
/*
 * verbs_modify.c - a queue pair's state change and the counter it may bind
 * (models _ib_modify_qp() of drivers/infiniband/core/verbs.c and
 * rdma_counter_bind_qp_auto() of counters.c).  Moving a QP from RESET to
 * INIT with a port named binds it to the port's automatic counter, under
 * the port's counter mutex; every other transition leaves the counter
 * alone.  The test is one 'if' over four '&&' operands, the first of them
 * a member the path cannot name ('!qp->counter'); the attribute mask is a
 * constant of the caller.
 *
 * The caller here is a ULP's error-recovery timer (softirq), which moves
 * its QP from SQE back to RTS as ib_mad_send_error() does from its send
 * completion: IB_QP_STATE | IB_QP_CUR_STATE, no port, so the mutex is never
 * taken.  -DULP_REINIT_WITH_PORT makes the timer re-initialise the QP with
 * a port instead (the control: the mutex in softirq context);
 * -DQP_MODIFY_NESTED writes the test as nested ifs.
 */
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/timer.h>

#define QP_ATTR_STATE		(1 << 0)
#define QP_ATTR_CUR_STATE	(1 << 1)
#define QP_ATTR_PORT		(1 << 4)

enum qp_state { QPS_RESET, QPS_INIT, QPS_RTR, QPS_RTS, QPS_SQD, QPS_SQE, QPS_ERR };

struct port_counter {
	struct mutex lock;
	int auto_mode;
	void *current_counter;
};

struct ib_qp {
	void *counter;
	unsigned int port;
	enum qp_state state;
	struct port_counter *pc;
};

struct ib_qp_attr {
	enum qp_state qp_state;
	enum qp_state cur_qp_state;
	unsigned int port_num;
};

/* counters.c: the port's automatic mode picks (or makes) the counter */
static void counter_bind_qp_auto(struct ib_qp *qp, unsigned int port)
{
	struct port_counter *pc = qp->pc;

	mutex_lock(&pc->lock); /* expect(ib-modify-qp-port): sleep-in-atomic mutex_lock */
	if (pc->auto_mode)
		qp->counter = pc->current_counter;
	qp->port = port;
	mutex_unlock(&pc->lock);
}

static int modify_qp_checked(struct ib_qp *qp, struct ib_qp_attr *attr, int attr_mask)
{
#ifdef QP_MODIFY_NESTED
	if (attr_mask & QP_ATTR_PORT) {
		/* the innermost test is one the path cannot answer */
		if (!qp->counter)
			counter_bind_qp_auto(qp, attr->port_num);
	}
#else
	/* only RESET -> INIT names a port: that is when a counter is bound */
	if (!qp->counter && (attr_mask & QP_ATTR_PORT) &&
	    (attr_mask & QP_ATTR_STATE) && attr->qp_state == QPS_INIT)
		counter_bind_qp_auto(qp, attr->port_num);
#endif
	if (attr_mask & QP_ATTR_STATE)
		qp->state = attr->qp_state;
	return 0;
}

int ib_modify_qp(struct ib_qp *qp, struct ib_qp_attr *attr, int attr_mask)
{
	return modify_qp_checked(qp, attr, attr_mask);
}

/* A ULP's connection: its recovery timer puts a failed send queue back. */
struct ulp_conn {
	struct ib_qp *qp;
	struct ib_qp_attr attr;
	struct timer_list recover;
};

static void ulp_recover_timeout(struct timer_list *t)
{
	struct ulp_conn *conn = from_timer(conn, t, recover);

#ifdef ULP_REINIT_WITH_PORT
	conn->attr.qp_state = QPS_INIT;
	conn->attr.port_num = 1;
	ib_modify_qp(conn->qp, &conn->attr, QP_ATTR_STATE | QP_ATTR_PORT);
#else
	conn->attr.qp_state = QPS_RTS;
	conn->attr.cur_qp_state = QPS_SQE;
	ib_modify_qp(conn->qp, &conn->attr, QP_ATTR_STATE | QP_ATTR_CUR_STATE);
#endif
}

void ulp_conn_init(struct ulp_conn *conn)
{
	timer_setup(&conn->recover, ulp_recover_timeout, 0);
}
