// SPDX-License-Identifier: GPL-2.0-only
/*
 * vsprintf.c - the kernel's formatter (models lib/vsprintf.c): vsnprintf()
 * walks its format, decodes each conversion, and hands a '%p' to
 * pointer(), which switches on the extension letters that follow it.  A
 * firmware node's name ('%pfw') walks the node's parents and drops each
 * reference it took (drivers/base/swnode.c), which takes a mutex.
 *
 * Nothing in vsnprintf() tests the format the way lockpath reads a guard:
 * the case comes out of the decoder.  rules/formats.rules says which
 * conversions reach pointer() and fwnode_string(); a caller's string
 * literal says which conversions its format has.
 */
#include <linux/types.h>
#include <linux/sprintf.h>
#include <linux/fwnode.h>

enum conv_kind { CONV_NONE, CONV_LITERAL, CONV_INT, CONV_STR, CONV_PTR };

/* The kind of the conversion at *FMT (at its '%'); *FMT moves past the
 * conversion's flags, width, length and letter. */
static enum conv_kind decode_conversion(const char **fmt)
{
	const char *at = *fmt + 1;
	char letter;

	while (*at == '-' || *at == '0' || (*at >= '1' && *at <= '9') || *at == 'l' || *at == 'z')
		at++;
	letter = *at;
	*fmt = letter ? at + 1 : at;
	switch (letter) {
	case '\0':
		return CONV_NONE;
	case '%':
		return CONV_LITERAL;
	case 'p':
		return CONV_PTR;
	case 's':
		return CONV_STR;
	default:
		return CONV_INT;
	}
}

/* The node's name, then its parents' up to the root, each parent held
 * while it is printed. */
static char *fwnode_string(char *out, char *end, struct fwnode_handle *node, const char *ext)
{
	struct fwnode_handle *up;

	for (up = node; up; up = up->parent) {
		if (out < end)
			*out++ = up->name ? up->name[0] : '?';
		if (up != node)
			fwnode_handle_put(up);
	}
	(void)ext;
	return out;
}

/* FMT points at the letters after '%p'. */
static char *pointer(const char *fmt, char *out, char *end, void *ptr)
{
	switch (*fmt) {
	case 'f':
		return fwnode_string(out, end, ptr, fmt + 1);
	case 'x':
	default:
		if (out < end)
			*out++ = ptr ? '#' : '0';
		return out;
	}
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	char *out = buf, *end = buf + size;

	while (*fmt) {
		if (*fmt != '%') {
			if (out < end)
				*out++ = *fmt;
			fmt++;
			continue;
		}
		switch (decode_conversion(&fmt)) {
		case CONV_NONE:
			return (int)(out - buf);
		case CONV_PTR:
			/* fmt is at the extension letters, which pointer() reads */
			out = pointer(fmt, out, end, va_arg(args, void *));
			while (*fmt >= 'a' && *fmt <= 'z')
				fmt++;
			break;
		case CONV_STR:
			(void)va_arg(args, const char *);
			break;
		case CONV_INT:
			(void)va_arg(args, int);
			break;
		case CONV_LITERAL:
			if (out < end)
				*out++ = '%';
			break;
		}
	}
	return (int)(out - buf);
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int len;

	va_start(args, fmt);
	len = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return len;
}
