/* SPDX-License-Identifier: GPL-2.0-only
 * fsnotify.h - telling the groups that watch a file (inotify, fanotify)
 * that it was read or written.  The inlines here hand the event to
 * fsnotify_file() (fs/notify/fsnotify.c), which may sleep.
 */
#ifndef _LINUX_FSNOTIFY_H
#define _LINUX_FSNOTIFY_H

struct file;

#define FS_ACCESS	0x00000001
#define FS_MODIFY	0x00000002

extern int fsnotify_file(struct file *file, unsigned int mask);

static inline void fsnotify_access(struct file *file)
{
	fsnotify_file(file, FS_ACCESS);
}

static inline void fsnotify_modify(struct file *file)
{
	fsnotify_file(file, FS_MODIFY);
}

#endif
