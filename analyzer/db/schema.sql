-- SPDX-License-Identifier: GPL-2.0-only
-- lockpath database schema.
--
-- The database is the only interface between the phases (extract -> link ->
-- check -> report), the way object files sit between a compiler and a
-- linker.  Every number stored here (site kinds, irq effects, statuses) is
-- part of the format: never renumber, only add.  The code names them in
-- db/columns.h (the enum named at each column below), never by number.
-- Bump PRAGMA user_version (db.h: LP_SCHEMA_VERSION) when a table changes
-- shape.
--
-- Ownership: facts from a .c file belong to its translation unit (tu_id);
-- facts from function bodies in headers (static inline helpers) belong to
-- one version of that header (hdr_id), so each is stored and analysed once,
-- whatever number of TUs include it.

CREATE TABLE meta (                 -- tool version, last compile database, ...
  key   TEXT PRIMARY KEY,
  value TEXT
);

CREATE TABLE file (                 -- interned absolute paths
  id   INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE
);

CREATE TABLE tu (                   -- one row per translation unit
  id           INTEGER PRIMARY KEY,
  file_id      INTEGER NOT NULL UNIQUE REFERENCES file(id),
  directory    TEXT NOT NULL,
  args         TEXT NOT NULL,       -- command line, arguments joined by '\n'
  args_hash    TEXT NOT NULL,       -- hash of directory + args (as given)
  status       INTEGER NOT NULL,    -- enum tu_status: 0 clean, 1 parsed with errors, 2 not parsed
  n_errors     INTEGER NOT NULL,
  parse_ms     INTEGER NOT NULL,    -- wall time of libclang's parse
  parse_cpu_ms INTEGER NOT NULL,    -- its CPU time on the parsing thread (bench/: the floor's)
  walk_ms      INTEGER NOT NULL,
  extracted_at TEXT NOT NULL
);

CREATE TABLE tu_include (           -- every file a TU read, with its content hash
  tu_id   INTEGER NOT NULL REFERENCES tu(id),
  file_id INTEGER NOT NULL REFERENCES file(id),
  hash    TEXT NOT NULL,
  PRIMARY KEY (tu_id, file_id)
) WITHOUT ROWID;

CREATE TABLE tu_diag (              -- errors (and fatal errors) from parsing a TU
  tu_id    INTEGER NOT NULL REFERENCES tu(id),
  severity INTEGER NOT NULL,        -- enum db_diag_severity: 2 analysis limit hit (a
                                    -- "limit" notice), 3 error, 4 fatal (CXDiagnosticSeverity)
  file_id  INTEGER REFERENCES file(id),
  line     INTEGER, col INTEGER,
  message  TEXT NOT NULL
);

CREATE TABLE hdr (                  -- one version of a header, by content hash
  id      INTEGER PRIMARY KEY,
  file_id INTEGER NOT NULL REFERENCES file(id),
  hash    TEXT NOT NULL,
  UNIQUE (file_id, hash)
);

CREATE TABLE func (                 -- function definitions
  id       INTEGER PRIMARY KEY,
  tu_id    INTEGER REFERENCES tu(id),   -- owner: a TU ...
  hdr_id   INTEGER REFERENCES hdr(id),  -- ... or a header version
  usr      TEXT NOT NULL,           -- clang USR; static functions carry their file name
  name     TEXT NOT NULL,
  file_id  INTEGER NOT NULL REFERENCES file(id),
  line     INTEGER NOT NULL, col INTEGER NOT NULL,
  end_line INTEGER NOT NULL,
  is_static INTEGER NOT NULL,
  nparams  INTEGER NOT NULL,
  annot    TEXT,                    -- __acquires/__releases/__must_hold keys, and the writes to
                                    -- guarded parameters ('writes:arg#1=-19'), ';' separated
  exit_locks TEXT,                  -- what it leaves its caller: '+key' held at every return,
                                    -- '-key' a caller's lock released; ';' separated
  param_casts TEXT,                 -- parameters it casts to a pointer to another struct on
                                    -- every call: 'N=CHAIN', the structs that start at that
                                    -- struct's address ('0=inet_connection_sock>inet_sock>sock'),
                                    -- ';' separated (extract/casts.h)
  member_writes TEXT,               -- the member names it writes or takes the address of, of
                                    -- any struct, 'a,b' sorted; '*' a whole struct through a
                                    -- pointer (extract/member_writes.h; check/zeroed.c)
  exit_irqs INTEGER NOT NULL DEFAULT 0 -- enum lp_exit_irqs, what it leaves its caller's
                                       -- interrupts as: 1 off (rq_lock_irqsave), -1 on, 2 as
                                       -- the caller saved them (a restore of flags it did not
                                       -- save), 0 as they were (check/callee_effects.c)
);
CREATE INDEX func_usr ON func(usr);
CREATE INDEX func_tu ON func(tu_id);
CREATE UNIQUE INDEX func_hdr_usr ON func(hdr_id, usr) WHERE hdr_id IS NOT NULL;

-- A site is a point in a function body where something happens: a call, a
-- lock operation.  Its lock state is what the function itself did before
-- that point, since entry (table site_lock); the caller's held set is added
-- in check.
CREATE TABLE site (
  id       INTEGER PRIMARY KEY,
  func_id  INTEGER NOT NULL REFERENCES func(id),
  kind     INTEGER NOT NULL,        -- enum lp_site_kind: 1 call, 2 acquire, 3 release, 4 trylock, 5 assert-held
  file_id  INTEGER NOT NULL REFERENCES file(id),
  line     INTEGER NOT NULL, col INTEGER NOT NULL,   -- expansion location
  callee_usr  TEXT,                 -- direct call: callee USR
  callee_name TEXT,                 -- direct call or lock primitive: function name
  ind_key  TEXT,                    -- indirect call: target key ('virtio_config_ops.get')
  ind_index TEXT,                   -- indirect call through an array: index per dimension,
                                    -- 'N' constant, 'arg#K' parameter K, '*' unknown ('*,arg#1')
  text     TEXT,                    -- indirect call: callee expression as written
  ind_obj  TEXT,                    -- indirect call through a member ('req->complete(..)', or a
                                    -- local loaded from one): the object it was read from, named
                                    -- like site_arg.obj_key ('arg#0', 'akcipher_request.base')
  ind_member TEXT,                  -- ... and, through such a local, the member's key
                                    -- ('crypto_async_request.complete'); NULL: ind_key is it
  ind_slot TEXT,                    -- indirect call through a member of the table an array slot
                                    -- points to ('esw->offloads.rep_ops[rep_type]->load'): the
                                    -- array's key and index, 'mlx5_esw_offload.rep_ops[arg#2]'
                                    -- (index 'N', 'arg#K' or '*'; table slot_store)
  lock_key TEXT,                    -- lock op: lock key ('subchannel.lock', '*ccw_device.ccwlock')
  irq      INTEGER NOT NULL DEFAULT 0, -- enum lp_irq, lock op irq effect: 0 none, 1 save, 2 disable,
                                       -- 3 restore, 4 enable, 5 bh-off, 6 bh-on
  subclass INTEGER NOT NULL DEFAULT 0, -- _nested subclass; -1 (LP_SUBCLASS_UNKNOWN): not a constant
  irqs_off INTEGER NOT NULL DEFAULT 0, -- enum lp_irqs_state, local irq state before the site:
                                       -- 1 off, -1 on, 0 as at entry, 2 as at entry again
                                       -- after the function's own save and restore
  ltype    INTEGER NOT NULL DEFAULT 0, -- enum lp_locktype, lock op: 0 spinlock, 1 rwlock, 2 mutex,
                                       -- 3 rw_semaphore, 4 semaphore
  is_read  INTEGER NOT NULL DEFAULT 0, -- lock op: read side of an rwlock / rwsem
  guard    TEXT,                    -- under 'switch (param)': the case values it runs for,
                                    -- 'arg#N=V1,V2' (the function's annot has its own
                                    -- writes to the parameter, 'writes:arg#N=V,..' or '=*');
                                    -- every test around the site, innermost first, ';'
                                    -- separated (lib/guardkey.h)
  lock_path TEXT,                   -- lock op: the lock named through the structs that embed it
                                    -- ('vdev_priv.tx.lock' for lock_key 'vq_chan.lock'),
                                    -- NULL when that is lock_key (extract/lock_path.h)
  always   INTEGER NOT NULL DEFAULT 0, -- 1: runs on every call of its function (not in a
                                       -- branch, a loop body, a '?:' arm or the right of
                                       -- '&&'/'||', and no return or goto before it)
  last_put INTEGER NOT NULL DEFAULT 0, -- 1: runs only where a reference count dropped to
                                       -- zero ('if (refcount_dec_and_test(..))', after
                                       -- 'if (!kref_put(..)) return'; rules: refcount-drop)
  dom      INTEGER REFERENCES site(id), -- the last direct call before this site on every
                                    -- path from the function's entry (its dominating call):
                                    -- check applies the lock effects of this chain of calls
                                    -- (func.exit_locks; check/callee_effects.c)
  exit_dom INTEGER NOT NULL DEFAULT 0, -- 1: this call is such a last call before every
                                       -- return of its function
  ind_table TEXT,                   -- indirect call through a member of the table that a member
                                    -- of an object points to ('dev->bus->remove(dev)'): that
                                    -- member's key, 'device.bus' (table table_store) ...
  ind_table_obj TEXT,               -- ... and the object it is read from, named like
                                    -- site_arg.obj_key ('arg#0', 'ccw_device.dev')
  ind_head TEXT,                    -- indirect call through a member whose object is also
                                    -- argument N, and the first member of a struct the code
                                    -- names ('&po->sk'): 'N=CHAIN', that struct's chain
                                    -- ('0=packet_sock>sock'; extract/casts.h)
  doomed   INTEGER NOT NULL DEFAULT 0, -- 1: part of a report of a broken state (the run of code
                                       -- it is in ends in __builtin_unreachable(), BUG(), or in
                                       -- a 'corruption-report' call, add_taint(.., LOCKDEP_NOW_
                                       -- UNRELIABLE), no way out before): check does not visit
                                       -- it (extract/walk_flow.c)
  last_put_obj TEXT,                -- last_put: the count that dropped to zero, when it is the
                                    -- function's parameter or a member of what it points to
                                    -- ('arg#0.refcnt' for 'refcount_dec_and_test(&lnk->refcnt)')
  ref_obj  TEXT,                    -- a call of a 'refcount-get' or 'refcount-drop' rule: the
                                    -- count it takes or drops, named the same way
                                    -- (check/kept_puts.c)
  again_arg INTEGER                 -- a direct call its function makes again, with the same
                                    -- local or parameter as this argument (its index), on
                                    -- every path from here and before any write of it
                                    -- ('put_task_struct(tsk); .. out: put_task_struct(tsk);');
                                    -- NULL: not so (check/kept_puts.c)
);
CREATE INDEX site_func ON site(func_id);

CREATE TABLE site_lock (            -- local lock state just before a site
  site_id  INTEGER NOT NULL REFERENCES site(id),
  held     INTEGER NOT NULL,        -- 1 acquired since entry (and not released), 0 released since entry
  lock_key TEXT NOT NULL,
  acq_site INTEGER                  -- held=1: the acquiring site
);
CREATE INDEX site_lock_site ON site_lock(site_id);

CREATE TABLE site_arg (             -- arguments the callee's analysis depends on
  site_id  INTEGER NOT NULL REFERENCES site(id),
  n        INTEGER NOT NULL,        -- argument index, 0-based
  lock_key TEXT,                    -- a lock pointer (for the callee's 'arg#N' lock keys) ...
  value    INTEGER,                 -- ... or an integer constant, a constant function pointer
                                    -- (NULL) or a constant pointer (NULL too)
                                    -- ('(struct kernel_siginfo *) 1'), for guards and 'arg#N'
                                    -- array indexes ...
  obj_key  TEXT,                    -- ... or a pointer to a struct, named like a lock key
                                    -- ('genwqe_dev.queue_waitq', 'file.c:foo_nb', 'arg#1'):
                                    -- the container or entry of a registration (link/chains.c) ...
  field    TEXT,                    -- ... or member FIELD of the struct the argument points to,
                                    -- set just before the call to VALUE ('args->force = true'),
                                    -- or set to something else (VALUE NULL; FIELD '*': members
                                    -- not tracked; FIELD '<format>': a string literal, VALUE
                                    -- its printf conversions as bits, lib/format.h) ...
  fwd      INTEGER,                 -- ... or the caller's own parameter FWD passed on unchanged:
                                    -- the callee gets whatever constants the caller got (with
                                    -- VALUE: passed on as 'FWD & VALUE', 'flags & MSG_DONTWAIT';
                                    -- with COND: passed on as 'FWD ? A : B'; with FIELD: the
                                    -- pointee's member FIELD was set to it, 'item.report = report')
  lock_path TEXT,                   -- a lock pointer, or a pointer to a lock's lockdep map
                                    -- ('&l->dep_map'): the lock's container path, as site.lock_path
  cond     TEXT,                    -- with FWD: 'A:B', the constants of 'FWD ? A : B'
                                    -- ('priv ? SEND_SIG_PRIV : SEND_SIG_NOINFO' is '1:0'),
                                    -- or '|V', passed on as 'FWD | V' ('gfp | __GFP_ZERO');
                                    -- alone: 'A:B@T,F', the constants of 'CTX ? A : B' over a
                                    -- context test, A in the path states T, B in F (bits of
                                    -- enum guardkey_ctx; '(in_atomic() || irqs_disabled()) ?
                                    -- GFP_ATOMIC : GFP_KERNEL' is '2592:3264@23,0')
  src_field TEXT,                   -- with FWD: the argument is that parameter's member
                                    -- SRC_FIELD ('ab->gfp_mask') ...
  ret_site INTEGER,                 -- ... or the pointer the call at site RET_SITE (of the same
                                    -- function) returned, not assigned since ('ab' after
                                    -- 'ab = audit_log_start(..)'): func_ret says what it holds
  addr     INTEGER,                 -- with OBJ_KEY: 1 when the argument is the object's address
                                    -- ('&dispose'), which is never NULL: the callee's 'if (!p)'
                                    -- does not run (check/engine_load.c)
  walk     TEXT,                    -- a struct pointer named by the way from the caller's
                                    -- parameter to it (extract/links.c): 'arg#0/E:ccw_device.dev/
                                    -- L:device.parent/U:subchannel.dev' for
                                    -- 'to_subchannel(cdev->dev.parent)'
  ret_only INTEGER                  -- with RET_SITE: 1 when the local was assigned nothing else
                                    -- (but NULL) before the call: it holds that call's object on
                                    -- every path (check/zeroed.c)
);

-- What a function returns a pointer to (check/ret_members.c): an object
-- whose member FIELD it set to its parameter PARAM ('ab->gfp_mask =
-- gfp_mask; return ab;'), or whatever the call at SITE_ID returned
-- ('ab = audit_buffer_alloc(ctx, gfp_mask, type); .. return ab;').
CREATE TABLE func_ret (
  func_id  INTEGER NOT NULL REFERENCES func(id),
  field    TEXT,
  param    INTEGER,
  site_id  INTEGER REFERENCES site(id),
  obj_key  TEXT                     -- with SITE_ID: the returned local's object, named as
                                    -- table_store.obj_key names it ('*local:F:reporter'), whose
                                    -- table stores in the same function are the new object's
);
CREATE INDEX func_ret_func ON func_ret(func_id);

-- A struct pointer stored into an array slot, 'esw->offloads.rep_ops[rep_type]
-- = ops' (extract/slot_tables.c): the array's key, the index ('N', 'arg#K' the
-- function's parameter K, '*' not known) and the value: 'arg#K', an object
-- key ('en_rep.c:rep_ops', a table), or NULL (not known).  check/slot_tables.c
-- takes the parameters from the function's call sites.
CREATE TABLE slot_store (
  func_id  INTEGER NOT NULL REFERENCES func(id),
  slot     TEXT NOT NULL,
  idx      TEXT NOT NULL,
  value    TEXT
);
-- A pointer to an ops table (a struct with function-pointer members) stored
-- into a member: 'cdev->dev.bus = &ccw_bus_type' (extract/member_tables.c)
-- is the member's key ('device.bus'), the object whose member it is
-- ('ccw_device.dev'; 'arg#K', '*local:f:v' or NULL: an object lockpath does
-- not name) and the table ('device.c:ccw_bus_type'; NULL: not a global,
-- e.g. a parameter).  check/embedded.c reads it for site.ind_table.
CREATE TABLE table_store (
  func_id  INTEGER NOT NULL REFERENCES func(id),
  member   TEXT NOT NULL,
  obj_key  TEXT,
  value    TEXT,
  src_obj  TEXT                     -- VALUE NULL: the object the stored pointer points to,
                                    -- named like fnstore.obj_key ('arg#0' in 'raw->cdev =
                                    -- cdev'), which a callback store in the same function
                                    -- may name too (check/embedded.c: member pointees)
);
CREATE INDEX table_store_member ON table_store(member);

-- A pointer to an object with a table member stored into a member:
-- 'priv->rx_reporter = reporter' (extract/member_tables.c) is MEMBER
-- 'mlx5e_priv.rx_reporter' and SITE_ID the call whose result 'reporter'
-- held; SITE_ID NULL: something else was stored.  check/ctor_tables.c
-- reads which constructor made the objects a member points to.
CREATE TABLE result_store (
  func_id  INTEGER NOT NULL REFERENCES func(id),
  member   TEXT NOT NULL,
  site_id  INTEGER REFERENCES site(id)
);
CREATE INDEX result_store_member ON result_store(member);

-- A pointer stored into a member, both named by walks from the function's
-- parameters (extract/links.c): 'cdev->dev.parent = &sch->dev' is DST
-- 'arg#1/E:ccw_device.dev/L:device.parent', SRC 'arg#0/E:subchannel.dev'.
-- check/links.c pairs two that link two objects both ways.
CREATE TABLE link_store (
  func_id  INTEGER NOT NULL REFERENCES func(id),
  dst      TEXT NOT NULL,
  src      TEXT NOT NULL
);
CREATE INDEX link_store_func ON link_store(func_id);

-- A store makes a function reachable through a key: '.get = f' in an ops
-- table, 'cdev->handler = f', an array initialiser, a function passed as an
-- argument.  src_usr is a function; src_key another key (key-to-key flow).
CREATE TABLE fnstore (
  id      INTEGER PRIMARY KEY,
  tu_id   INTEGER REFERENCES tu(id),
  hdr_id  INTEGER REFERENCES hdr(id),
  func_id INTEGER REFERENCES func(id),  -- enclosing function, NULL for a global initialiser
  file_id INTEGER NOT NULL REFERENCES file(id),
  line    INTEGER NOT NULL, col INTEGER NOT NULL,
  key     TEXT NOT NULL,            -- where it is stored
  src_usr TEXT, src_name TEXT,      -- a function ...
  src_key TEXT,                     -- ... or another key
  idx     TEXT,                     -- array initialiser: the element's index per dimension ('3,2')
  site_id INTEGER REFERENCES site(id),  -- an argument of a call ('arg:F#N'): that call site,
                                        -- which binds F's parameter N on paths through it
  obj_key TEXT                      -- a member store ('nb->notifier_call = f', '.notifier_call
                                    -- = f' in 'foo_nb'): the object's key ('mlx5_eq.irq_nb',
                                    -- 'file.c:foo_nb'), which registrations name (link/chains.c)
);
CREATE INDEX fnstore_key ON fnstore(key);

-- A lock alias makes two lock keys name one lock: 'cdev->ccwlock = &sch->lock'
-- (lhs '*ccw_device.ccwlock', rhs 'subchannel.lock').  Link unions them; the
-- row is the proof shown to the reviewer.
CREATE TABLE lockalias (
  id      INTEGER PRIMARY KEY,
  tu_id   INTEGER REFERENCES tu(id),
  hdr_id  INTEGER REFERENCES hdr(id),
  func_id INTEGER REFERENCES func(id),
  file_id INTEGER NOT NULL REFERENCES file(id),
  line    INTEGER NOT NULL, col INTEGER NOT NULL,
  lhs_key TEXT NOT NULL,
  rhs_key TEXT NOT NULL,
  text    TEXT NOT NULL             -- the assignment as written
);

----------------------------------------------------------------- link output
CREATE TABLE lock_class (           -- every lock key and its class
  key      TEXT PRIMARY KEY,
  class_id INTEGER NOT NULL,        -- one number per class (stable within a link)
  name     TEXT NOT NULL            -- the class's name: its representative key
) WITHOUT ROWID;

-- Lock classes that lockdep's class rules change (link/lockdep_class.c): the
-- keys of lockdep_set_class() & co, init sites, novalidate.  A class without
-- a row is one lockdep class, validated.  A lock path (site.lock_path) whose
-- lockdep class differs from its key's is a lock_class row of its own.
CREATE TABLE lockdep_class (
  class_id INTEGER PRIMARY KEY,     -- lock_class.class_id
  lockdep_key TEXT,                 -- the lockdep class ('cio.c:console_sch_key', 'init:css.c:27',
                                    -- with '/N' for subclass N), NULL: several, none known (split)
  validate INTEGER NOT NULL,        -- 0: novalidate: no recursive-lock, lock-order, irq-inversion
  nests    INTEGER NOT NULL,        -- 0: two of its locks nested are not reported (split:
                                    -- which lockdep class each has is decided per object)
  note     TEXT                     -- recursive-lock's 'lower confidence' text: some locks of the
                                    -- class are re-keyed where lockpath cannot tell which
) WITHOUT ROWID;

CREATE TABLE key_target (           -- functions a call key can reach, closed over key-to-key stores
  key      TEXT NOT NULL,
  func_id  INTEGER NOT NULL REFERENCES func(id),
  store_id INTEGER NOT NULL REFERENCES fnstore(id)  -- where the function was stored
);
CREATE INDEX key_target_key ON key_target(key);

CREATE TABLE store_target (         -- a function-pointer argument of a call, resolved:
  store_id INTEGER PRIMARY KEY REFERENCES fnstore(id),   -- the store (fnstore.site_id set)
  func_id  INTEGER NOT NULL REFERENCES func(id)          -- the function passed
);

CREATE TABLE call_edge (            -- resolved calls
  site_id  INTEGER NOT NULL REFERENCES site(id),
  callee   INTEGER NOT NULL REFERENCES func(id),
  store_id INTEGER REFERENCES fnstore(id)  -- indirect: the store that justifies the edge
);
CREATE INDEX call_edge_site ON call_edge(site_id);

---------------------------------------------------------------- check output
CREATE TABLE finding (
  id          INTEGER PRIMARY KEY,
  rule        TEXT NOT NULL,        -- 'recursive-lock', ...: a name in check/check_list.h
  fingerprint TEXT NOT NULL,        -- stable: rule, lock class, function names on the path
  message     TEXT NOT NULL,
  entry_func  INTEGER NOT NULL REFERENCES func(id),
  context     TEXT NOT NULL,        -- enum lp_context as text: 'hardirq', 'softirq', 'process'
  lock_key    TEXT,                 -- the lock acquired at the offending site
  held_key    TEXT,                 -- the (aliased) lock already held
  site_id     INTEGER NOT NULL REFERENCES site(id),  -- the offending site
  held_site   INTEGER REFERENCES site(id),           -- where the held lock was taken
  from_root   INTEGER NOT NULL DEFAULT 0, -- 1: the path starts at a function nobody in the
                                          -- tree calls (a root), not at a declared entry
  last_put    INTEGER NOT NULL DEFAULT 0  -- 1: a path goes through code that runs only where a
                                          -- reference count hit zero (site.last_put): the
                                          -- finding needs that put to be the last
);

CREATE TABLE finding_hop (          -- witness paths: entry first, offending function last
  finding_id INTEGER NOT NULL REFERENCES finding(id),
  path       INTEGER NOT NULL,      -- 0; lock-order cycles have one path per edge
  seq        INTEGER NOT NULL,
  func_id    INTEGER NOT NULL REFERENCES func(id),
  site_id    INTEGER REFERENCES site(id),     -- the call to the next hop (NULL on the last)
  store_id   INTEGER REFERENCES fnstore(id),  -- indirect hop: the store behind it
  entry      TEXT,                  -- seq 0: how the path starts, an entry of its context
                                    -- ('hardirq', 'softirq', 'process') or 'root' (nobody in
                                    -- the tree calls it: process context assumed); else NULL
  PRIMARY KEY (finding_id, path, seq)
) WITHOUT ROWID;

CREATE TABLE finding_alias (        -- why lock_key and held_key are one lock
  finding_id INTEGER NOT NULL REFERENCES finding(id),
  seq        INTEGER NOT NULL,
  alias_id   INTEGER NOT NULL REFERENCES lockalias(id),
  PRIMARY KEY (finding_id, seq)
) WITHOUT ROWID;

------------------------------------------------- transport matrix (check/matrix.c)
-- Which virtio transports the tree has, and which drivers' callbacks their
-- interrupt paths reach.  Written after the checks; the HTML report joins it
-- with the findings to fill the transport matrix (docs/report.md).

CREATE TABLE transport_file (       -- files that belong to a virtio transport
  file_id   INTEGER PRIMARY KEY REFERENCES file(id),
  transport TEXT NOT NULL,          -- 'ccw' for virtio_ccw.c, 'pci' for virtio_pci_*.c, ...
  has_ops   INTEGER NOT NULL        -- 1: the file stores functions into virtio_config_ops
);

CREATE TABLE callback_reach (       -- a driver callback reached from a transport's interrupt path
  transport  TEXT NOT NULL,
  context    TEXT NOT NULL,         -- the entry's context: 'hardirq', 'softirq', 'process'
  cb_func    INTEGER NOT NULL REFERENCES func(id),   -- the driver's callback
  cb_key     TEXT NOT NULL,         -- the key it is called through: one of db_callback_keys
  store_id   INTEGER REFERENCES fnstore(id),          -- where the driver stored it
  entry_func INTEGER NOT NULL REFERENCES func(id),   -- the entry of a shortest such path
  via_func   INTEGER NOT NULL REFERENCES func(id),   -- the last function of the transport on it
  path       TEXT NOT NULL,         -- that path's functions, entry first, ' > ' between
  PRIMARY KEY (transport, context, cb_func)
) WITHOUT ROWID;
