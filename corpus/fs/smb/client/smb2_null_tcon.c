/* SPDX-License-Identifier: GPL-2.0-only
 * smb2_null_tcon.c - a request with no tree connection.  Every SMB2
 * request is built by smb2_plain_req_init(), which first lets
 * smb2_reconnect() bring the request's tree connection back, under the
 * session's mutex; a request made before there is one (negotiate, session
 * setup) passes a NULL tcon, and smb2_reconnect() returns at once.  The
 * logoff request has none either, but falls back to the session's IPC
 * tree connection ('if (!tcon) tcon = ses->tcon_ipc'), the way SELinux's
 * slow_avc_audit() falls back to its stack data, and reconnects that one.
 * In this model both callers hold a spinlock of their own around the
 * request (hypothetical: the kernel builds its requests unlocked).  Models
 * fs/smb/client/smb2pdu.c (smb2_reconnect(), smb2_plain_req_init(),
 * SMB2_negotiate(), SMB2_logoff()).
 *
 * Must find: one sleep-in-atomic at the session mutex, on the logoff's
 * path, under its spinlock.  Must not find: the same under the negotiate's
 * spinlock: its NULL reaches smb2_reconnect()'s test.  Before, a NULL
 * pointer argument bound nothing (both were reported), and a parameter
 * assigned before it was passed on was taken to pass on the caller's
 * constant (neither would be).
 */
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>

struct cifs_ses;

struct cifs_tcon {
	struct cifs_ses *ses;
	int need_reconnect;
};

struct cifs_ses {
	struct mutex session_mutex;
	struct cifs_tcon *tcon_ipc;
	spinlock_t ses_lock;
};

struct TCP_Server_Info {
	spinlock_t req_lock;
	struct cifs_ses *ses;
	int dialect;
};

static int smb2_reconnect(int command, struct cifs_tcon *tcon)
{
	struct cifs_ses *ses;

	if (tcon == NULL)
		return 0;   /* negotiate and session setup: no tree connection yet */
	ses = tcon->ses;
	mutex_lock(&ses->session_mutex); /* expect: sleep-in-atomic while holding spinlock cifs_ses.ses_lock */
	tcon->need_reconnect = command < 0;
	mutex_unlock(&ses->session_mutex);
	return 0;
}

static int smb2_plain_req_init(int command, struct cifs_tcon *tcon)
{
	return smb2_reconnect(command, tcon);
}

int SMB2_negotiate(struct TCP_Server_Info *server)
{
	int rc;

	spin_lock(&server->req_lock);
	rc = smb2_plain_req_init(0, NULL);
	server->dialect = rc ? 0 : 0x311;
	spin_unlock(&server->req_lock);
	return rc;
}

static int smb2_logoff_req(struct cifs_ses *ses, struct cifs_tcon *tcon)
{
	if (!tcon)
		tcon = ses->tcon_ipc;   /* no tree connection of its own: the IPC one */
	return smb2_plain_req_init(2, tcon);
}

int SMB2_logoff(struct cifs_ses *ses)
{
	int rc;

	spin_lock(&ses->ses_lock);
	rc = smb2_logoff_req(ses, NULL);
	spin_unlock(&ses->ses_lock);
	return rc;
}
