/* SPDX-License-Identifier: GPL-2.0-only */ /* errno.h - the error numbers the corpus returns. */
#ifndef _LINUX_ERRNO_H
#define _LINUX_ERRNO_H

#define ENOENT		2
#define ESRCH		3
#define EINTR		4
#define EIO		5
#define EBADF		9
#define EAGAIN		11
#define ENOMEM		12
#define EACCES		13
#define EBUSY		16
#define EEXIST		17
#define ENODEV		19
#define EINVAL		22
#define ENOSPC		28
#define EOPNOTSUPP	95
#define ENODATA		61
#define ETIME		62
#define ENOPROTOOPT	92
#define EINPROGRESS	115

#endif
