/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * matrix.h - the facts behind the HTML report's transport matrix: which
 * virtio transports the tree has (files named virtio_<transport>[_*].c, one
 * of which stores into virtio_config_ops), and which drivers' callbacks
 * (db_callback_keys: virtio_driver.config_changed, virtqueue.callback) each transport's
 * interrupt paths reach.  Runs after the checks, from the same entry points;
 * it decides nothing about bugs: the report joins it with the findings.
 */
#ifndef LP_MATRIX_H
#define LP_MATRIX_H

#include "db/db.h"
#include "rules/rules.h"

struct matrix_stats { size_t transports, callbacks, cells; };

/* Replace tables transport_file and callback_reach (schema.sql).  CAPPED:
 * the checks stopped early (their 'safe' is not proven); kept in meta
 * 'matrix_partial' for the report.  Returns 0, or -1 when a statement
 * failed (db_error(DB) says why). */
int matrix_run(struct lp_db *db, const struct lp_rules *r, bool capped, struct matrix_stats *st);

/* The transport a file name belongs to by the virtio naming rule
 * ('virtio_pci_modern.c' -> 'pci'), written into OUT (size N); false if the
 * name does not follow it. */
bool matrix_transport_name(const char *path, char *out, size_t n);

/* The files that define transports: those that store functions into
 * virtio_config_ops (not the 'type:' rows extract writes at every call
 * through it).  One column: the file's path. */
#define MATRIX_TRANSPORT_FILES_SQL \
	"SELECT DISTINCT f.path FROM fnstore s JOIN file f ON f.id = s.file_id " \
	"WHERE s.key LIKE 'virtio_config_ops.%' AND s.src_usr IS NOT NULL ORDER BY f.path"

#endif
