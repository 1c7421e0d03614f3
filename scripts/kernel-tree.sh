#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# kernel-tree.sh - set up lockpath's reference kernel trees (Debian's linux-source-6.1,
# s390, and an x86_64 one for the pci and mmio transports) outside the repo, in
# ${LOCKPATH_KERNEL_DIR:-/var/cache/lockpath/kernel-6.1}.
# It installs the missing Debian packages, unpacks the source once, and for each build
# flavour (s390 clang: LLVM=-19, s390 gcc: s390x-linux-gnu-gcc, x86_64: LLVM=-19)
# configures an O= build dir with the virtio drivers on, compiles only the objects lockpath
# reads (s390 cio and virtio-ccw, or virtio-pci and virtio-mmio; the virtio core, the
# virtio drivers and the small subsystems they plug into) and writes a
# compile_commands.json filtered to them.
# Each stage leaves a stamp file, so a rerun resumes where an interrupted one stopped and a
# run on a ready tree only prints the databases. It never links a kernel or installs modules.
# docs/kernel-tree.md describes the result.
set -euo pipefail

usage() {
	cat <<'EOF'
usage: scripts/kernel-tree.sh [--arch s390|x86_64] [--flavour clang|gcc|both] [--full]
                              [--dir DIR] [--jobs N]

Sets up the reference s390 kernel tree (linux-source-6.1) for lockpath and prints, per
flavour, the path of its compile_commands.json and the number of translation units.

  --arch A      s390 (default) or x86_64. x86_64 is one flavour, clang (LLVM=-19), in
                DIR/x86_64: defconfig plus VIRTIO_PCI, VIRTIO_MMIO and the s390 tree's
                virtio drivers, the virtio subset only (~60 TUs; virtio-pci and
                virtio-mmio instead of cio and virtio-ccw); --flavour and --full are
                s390 only
  --flavour F   clang, gcc or both (default: both)
  --full        the whole s390 build instead of the ~100-TU virtio/cio set: defconfig plus
                the virtio options, vmlinux and modules built completely (make -k, no debug
                info), every kernel TU in the database (~4,200). Takes over an hour on two
                cores; in DIR/full (clang) or DIR/full-gcc (gcc); default flavour clang
  --dir DIR     cache directory (default: $LOCKPATH_KERNEL_DIR, else
                /var/cache/lockpath/kernel-6.1)
  --jobs N      parallel make jobs (default: nproc)
  -h, --help    this text

Layout of DIR: linux-source-6.1/ (the unpacked source, never built in), clang/, gcc/ and
x86_64/ (O= build dirs), each with compile_commands.json (filtered), compile_commands.full.json
(everything Kbuild compiled), build.log and config.log; timings.log (one line per stage
run). Stamps: DIR/.stamp-unpack, DIR/<flavour>/.stamp-{config,prepare,build,compdb};
delete one (and the later ones) to redo a stage, or DIR/<flavour> to redo a flavour.
EOF
}

die() { echo "kernel-tree.sh: error: $*" >&2; exit 2; }
log() { echo "kernel-tree.sh: $*" >&2; }
warn() { echo "kernel-tree.sh: warning: $*" >&2; }

arch=s390
flavour=
full=0
dir=${LOCKPATH_KERNEL_DIR:-/var/cache/lockpath/kernel-6.1}
jobs=$(nproc)
while [ $# -gt 0 ]; do
	case $1 in
	--arch) [ $# -ge 2 ] || die "--arch needs an argument"; arch=$2; shift 2 ;;
	--arch=*) arch=${1#*=}; shift ;;
	--flavour) [ $# -ge 2 ] || die "--flavour needs an argument"; flavour=$2; shift 2 ;;
	--flavour=*) flavour=${1#*=}; shift ;;
	--full) full=1; shift ;;
	--dir) [ $# -ge 2 ] || die "--dir needs an argument"; dir=$2; shift 2 ;;
	--dir=*) dir=${1#*=}; shift ;;
	--jobs|-j) [ $# -ge 2 ] || die "--jobs needs an argument"; jobs=$2; shift 2 ;;
	--jobs=*) jobs=${1#*=}; shift ;;
	-h|--help) usage; exit 0 ;;
	*) usage >&2; die "unknown argument '$1'" ;;
	esac
done
case $arch in
s390) ;;
x86_64)
	[ -z "$flavour" ] || [ "$flavour" = clang ] ||
		die "--arch x86_64 has one flavour, clang; not '$flavour'"
	[ $full -eq 0 ] || die "--full is for the s390 tree only"
	flavour=x86_64 ;;
*) die "--arch must be s390 or x86_64, not '$arch'" ;;
esac
[ -n "$flavour" ] || { [ $full -eq 1 ] && flavour=clang || flavour=both; }
case $full:$flavour in
0:x86_64) flavours=(x86_64) ;;
0:clang) flavours=(clang) ;;
0:gcc) flavours=(gcc) ;;
0:both) flavours=(clang gcc) ;;
1:clang) flavours=(full) ;;
1:gcc) flavours=(full-gcc) ;;
1:both) flavours=(full full-gcc) ;;
*) die "--flavour must be clang, gcc or both, not '$flavour'" ;;
esac
[[ $jobs =~ ^[1-9][0-9]*$ ]] || die "--jobs must be a positive number, not '$jobs'"
[ -n "$dir" ] || die "empty cache directory (LOCKPATH_KERNEL_DIR or --dir)"

# Absolute, so that the printed paths and the compile database's directories are usable
# from anywhere.
case $dir in /*) ;; *) dir=$PWD/$dir ;; esac
dir=${dir%/}
tarball=/usr/src/linux-source-6.1.tar.xz
src=$dir/linux-source-6.1

# What lockpath reads: directories built whole (the transports, the virtio core, and the
# drivers that have a directory of their own or live in a small subsystem directory whose
# core calls them: fuse, 9p, vsock, hw_random), and single objects of drivers living in big
# directories (drivers/block, net, char, scsi would be ~330 more TUs). The compile database
# is filtered down to these (see compdb). About 100 TUs.
# The x86_64 tree has no cio nor virtio-ccw; its transports (virtio_pci_*, virtio_mmio)
# are in drivers/virtio/.
build_dirs_s390=(
	drivers/s390/cio/
	drivers/s390/virtio/
)
build_dirs=(
	drivers/virtio/
	drivers/crypto/virtio/
	drivers/gpu/drm/virtio/
	drivers/char/hw_random/
	fs/fuse/
	net/9p/
	net/vmw_vsock/
)
build_objs=(
	drivers/block/virtio_blk.o
	drivers/net/virtio_net.o
	drivers/char/virtio_console.o
	drivers/scsi/virtio_scsi.o
)

# The options lockpath needs. Each must end up y or m after olddefconfig; one that does
# not is explained from its Kconfig dependencies.
config_wanted=(
	VIRTIO_BALLOON VIRTIO_BLK VIRTIO_NET VIRTIO_CONSOLE CRYPTO_DEV_VIRTIO SCSI_VIRTIO
	HW_RANDOM_VIRTIO VIRTIO_INPUT VIRTIO_FS DRM_VIRTIO_GPU VIRTIO_VSOCKETS NET_9P_VIRTIO
	VIRTIO_PCI
)
# The x86_64 tree adds the mmio transport (arm and x86 guests of firecracker, qemu microvm).
config_wanted_x86_64=(VIRTIO_MMIO)
if [ "$arch" = s390 ]; then
	build_dirs=("${build_dirs_s390[@]}" "${build_dirs[@]}")
else
	config_wanted+=("${config_wanted_x86_64[@]}")
fi
# Dependencies of those that are reasonable to switch on when a wanted option is held off
# by them (on 6.1's s390 defconfig: DRM for DRM_VIRTIO_GPU, NET_9P for NET_9P_VIRTIO). A
# dependency not listed here is reported, never enabled behind the user's back.
config_deps=(
	PCI VIRTIO_MENU VIRTIO TTY SCSI SCSI_LOWLEVEL NETDEVICES NET_CORE BLK_DEV CRYPTO
	CRYPTO_HW HW_RANDOM INPUT FUSE_FS DRM VSOCKETS NET_9P
)

packages=(
	linux-source-6.1 clang-19 lld-19 llvm-19 gcc-s390x-linux-gnu binutils-s390x-linux-gnu
	bc flex bison libssl-dev libelf-dev make python3 xz-utils
)

# ---- timing ------------------------------------------------------------------------------

t_start=$EPOCHREALTIME
timings=()	# "flavour stage seconds|cached"

# elapsed T0: seconds since EPOCHREALTIME value T0, with one decimal.
elapsed() {
	local now=$EPOCHREALTIME t0=$1
	awk -v a="${t0/,/.}" -v b="${now/,/.}" 'BEGIN { printf "%.1f", b - a }'
}

# run_stage FLAVOUR STAGE STAMP FUNC [ARGS...]: runs FUNC unless STAMP exists, then
# touches STAMP, and records the time taken (here and in DIR/timings.log).
run_stage() {
	local f=$1 s=$2 stamp=$3 t0 sec
	shift 3
	if [ -e "$stamp" ]; then
		timings+=("$f $s cached")
		return 0
	fi
	t0=$EPOCHREALTIME
	"$@"
	touch "$stamp"
	sec=$(elapsed "$t0")
	timings+=("$f $s $sec")
	log "$f: $s took ${sec}s"
	printf '%s\t%s\t%s\t%s\tjobs=%s\n' "$(date -u +%FT%TZ)" "$f" "$s" "$sec" "$jobs" \
		>>"$dir/timings.log"
}

print_timings() {
	local t f s v
	[ ${#timings[@]} -gt 0 ] || return 0
	log "stage timings (seconds; cached = done by an earlier run):"
	for t in "${timings[@]}"; do
		read -r f s v <<<"$t"
		printf 'kernel-tree.sh:   %-6s %-9s %s\n' "$f" "$s" "$v" >&2
	done
}

# ---- stages ------------------------------------------------------------------------------

# Installs whichever of $packages dpkg does not report as installed; a machine that has
# them all never touches apt.
install_packages() {
	local p missing=()
	for p in "${packages[@]}"; do
		if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)" != "install ok installed" ]; then
			missing+=("$p")
		fi
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	local sudo=
	if [ "$(id -u)" -ne 0 ]; then
		command -v sudo >/dev/null || die "missing packages (${missing[*]}) and not root"
		sudo=sudo
	fi
	log "installing ${missing[*]}"
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
		"${missing[@]}" >&2
}

source_version() { dpkg-query -W -f='${Version}' linux-source-6.1 2>/dev/null || true; }

# Unpacks the tarball into $src through a temporary directory, so a half-unpacked tree
# is never taken for a finished one. The stamp holds the package version unpacked.
unpack() {
	[ -r "$tarball" ] || die "$tarball not found (is linux-source-6.1 installed?)"
	log "unpacking $tarball into $dir"
	rm -rf "$src" "$dir/.unpack.tmp"
	mkdir -p "$dir/.unpack.tmp"
	tar -C "$dir/.unpack.tmp" -xJf "$tarball"
	mv "$dir/.unpack.tmp/linux-source-6.1" "$src"
	rmdir "$dir/.unpack.tmp"
	source_version >"$dir/.stamp-unpack.tmp"
	mv "$dir/.stamp-unpack.tmp" "$dir/.stamp-unpack"
}

# Warns when the installed linux-source-6.1 is newer than the tree unpacked from it.
check_version() {
	local had now
	[ -s "$dir/.stamp-unpack" ] || return 0
	had=$(cat "$dir/.stamp-unpack")
	now=$(source_version)
	if [ -n "$now" ] && [ "$had" != "$now" ]; then
		warn "the tree was unpacked from linux-source-6.1 $had, $now is installed;" \
			"delete $dir to rebuild from it"
	fi
}

# make arguments per flavour. clang: LLVM=-19 makes every tool the -19 suffixed LLVM one,
# but ld.lld-19 cannot be used for s390 in 6.1 (the s390 Makefiles pass options only GNU
# ld knows, and 6.1's docs list s390 as CC=clang only), so LD is GNU ld from
# binutils-s390x-linux-gnu; CROSS_COMPILE also gives clang --target=s390x-linux-gnu.
# x86_64 is the host's own architecture (Debian 12 amd64): LLVM=-19, ld.lld-19 included.
make_args() {
	case $1 in
	x86_64) echo "ARCH=x86_64 LLVM=-19" ;;
	clang|full) echo "ARCH=s390 LLVM=-19 LD=s390x-linux-gnu-ld CROSS_COMPILE=s390x-linux-gnu-" ;;
	gcc|full-gcc) echo "ARCH=s390 CROSS_COMPILE=s390x-linux-gnu-" ;;
	esac
}

# kmake FLAVOUR ARGS...: make in the source tree with the flavour's O= dir and arguments.
kmake() {
	local f=$1; shift
	# shellcheck disable=SC2046 # make_args is a list of words on purpose
	make -C "$src" O="$dir/$f" $(make_args "$f") "$@"
}

# config_value FLAVOUR SYM: y, m, a string or number, or n (not set or not defined).
config_value() {
	local line
	line=$(grep -E "^CONFIG_$2=" "$dir/$1/.config" || true)
	if [ -n "$line" ]; then echo "${line#*=}"; else echo n; fi
}

# Prints the wanted options that are neither =y nor =m in FLAVOUR's .config.
config_missing() {
	local o
	for o in "${config_wanted[@]}"; do
		grep -Eq "^CONFIG_$o=[ym]$" "$dir/$1/.config" || echo "$o"
	done
}

# kconfig_why SRC CONFIG SYM...: for each SYM, one line "SYM<TAB>why<TAB>off deps", where
# "why" lists the Kconfig conditions of SYM (its own 'depends on' and those of the
# enclosing if/menu/choice blocks, through 'source') that are false in CONFIG, each symbol
# annotated with its value as menuconfig does ("DRM [=n] && MMU [=y]"), and "off deps" are
# the symbols that those false conditions need on (not negated, not compared).
kconfig_why() {
	local srcarch=s390
	[ "$arch" = s390 ] || srcarch=x86
	SRCARCH=$srcarch python3 - "$@" <<'EOF'
import os, re, sys
src, config, syms = sys.argv[1], sys.argv[2], sys.argv[3:]
srcarch = os.environ.get('SRCARCH', 's390')
vals = {}
for line in open(config):
    m = re.match(r'CONFIG_(\w+)=(.*)', line)
    if m:
        vals[m.group(1)] = m.group(2).strip('"')

defs = {}        # sym -> [(file, line, own depends [(file, line, expr)], context)]
def parse(path, context, seen):
    full = os.path.join(src, path)
    if full in seen or not os.path.isfile(full):
        return
    seen.add(full)
    lines = open(full, errors='replace').read().split('\n')
    stack = list(context)       # [(kind, file, line, [deps])]; if-exprs are deps too
    item = None                 # list receiving 'depends on'
    i = 0
    while i < len(lines):
        n = i + 1
        line = lines[i]
        while line.endswith('\\') and i + 1 < len(lines):
            i += 1
            line = line[:-1] + ' ' + lines[i]
        i += 1
        s = line.strip()
        if not s or s.startswith('#'):
            continue
        word = s.split(None, 1)[0]
        rest = s[len(word):].strip()
        if word in ('help', '---help---'):
            # help text: everything indented deeper than its first line
            indent = None
            while i < len(lines):
                t = lines[i]
                if t.strip():
                    ind = len(t.expandtabs()) - len(t.expandtabs().lstrip())
                    if indent is None:
                        indent = ind
                    if ind < indent:
                        break
                i += 1
            continue
        if word in ('config', 'menuconfig'):
            item = []
            defs.setdefault(rest, []).append((path, n, item, list(stack)))
        elif word == 'if':
            stack.append(('if', path, n, [(path, n, rest)]))
            item = None
        elif word in ('menu', 'choice'):
            deps = []
            stack.append((word, path, n, deps))
            item = deps
        elif word in ('endif', 'endmenu', 'endchoice'):
            want = {'endif': 'if', 'endmenu': 'menu', 'endchoice': 'choice'}[word]
            for k in range(len(stack) - 1, len(context) - 1, -1):
                if stack[k][0] == want:
                    del stack[k:]
                    break
            item = None
        elif word == 'comment':
            item = []
        elif word == 'depends' and rest.startswith('on') and item is not None:
            item.append((path, n, rest[2:].strip()))
        elif word in ('source', 'osource', 'rsource', 'orsource'):
            m = re.match(r'"([^"]*)"', rest)
            if m:
                p = m.group(1).replace('$(SRCARCH)', srcarch).replace('$(HEADER_ARCH)', srcarch)
                if word.startswith(('rsource', 'orsource')):
                    p = os.path.join(os.path.dirname(path), p)
                parse(os.path.normpath(p), stack, seen)
            item = None
        elif word in ('mainmenu',):
            item = None

parse('Kconfig', [], set())

TOK = re.compile(r'\s*(\|\||&&|!=|<=|>=|[()!=<>]|"[^"]*"|[A-Za-z0-9_]+)')
def tokens(expr):
    out, pos = [], 0
    while pos < len(expr):
        m = TOK.match(expr, pos)
        if not m:
            break
        out.append(m.group(1))
        pos = m.end()
    return out

def tri(v):
    return {'y': 2, 'm': 1}.get(v, 0)

def value(tok):
    if tok in ('y', 'm', 'n'):
        return tok
    if tok.startswith('"'):
        return tok[1:-1]
    if re.fullmatch(r'-?\d+|0x[0-9a-fA-F]+', tok):
        return tok
    return vals.get(tok, 'n')

def evaluate(expr):
    t = tokens(expr)
    pos = [0]
    def peek():
        return t[pos[0]] if pos[0] < len(t) else None
    def take():
        pos[0] += 1
        return t[pos[0] - 1]
    def prim():
        tok = take()
        if tok == '!':
            return 2 - prim()
        if tok == '(':
            v = orx()
            if peek() == ')':
                take()
            return v
        if peek() in ('=', '!=', '<', '>', '<=', '>='):
            op, rhs = take(), take()
            a, b = value(tok), value(rhs)
            try:
                a2, b2 = int(a, 0), int(b, 0)
            except ValueError:
                a2, b2 = a, b
            r = {'=': a == b, '!=': a != b, '<': a2 < b2, '>': a2 > b2,
                 '<=': a2 <= b2, '>=': a2 >= b2}[op]
            return 2 if r else 0
        return tri(value(tok))
    def andx():
        v = prim()
        while peek() == '&&':
            take()
            v = min(v, prim())
        return v
    def orx():
        v = andx()
        while peek() == '||':
            take()
            v = max(v, andx())
        return v
    try:
        return orx()
    except (IndexError, KeyError):
        return 2

def annotate(expr):
    def sub(m):
        s = m.group(0)
        if s in ('y', 'm', 'n') or re.fullmatch(r'\d+', s):
            return s
        return '%s [=%s]' % (s, vals.get(s, 'n'))
    return re.sub(r'"[^"]*"|\b[A-Za-z0-9_]+\b', lambda m: m.group(0) if m.group(0).startswith('"') else sub(m), expr)

def positive_off(expr):
    t = tokens(expr)
    out = []
    for k, tok in enumerate(t):
        if not re.fullmatch(r'[A-Z0-9_]*[A-Z_][A-Z0-9_]*', tok):
            continue
        if k > 0 and t[k - 1] in ('!', '=', '!=', '<', '>', '<=', '>='):
            continue
        if k + 1 < len(t) and t[k + 1] in ('=', '!=', '<', '>', '<=', '>='):
            continue
        if tri(vals.get(tok, 'n')) == 0:
            out.append(tok)
    return out

for sym in syms:
    if sym not in defs:
        print('%s\tnot defined in any Kconfig file of this tree\t' % sym)
        continue
    reasons, off = [], []
    for path, n, own, ctx in defs[sym]:
        conds = [(p, l, 'depends on', e, '') for p, l, e in own]
        for kind, p0, l0, deps in ctx:
            if kind == 'if':
                conds += [(p, l, 'if', e, '') for p, l, e in deps]
            else:
                conds += [(p, l, 'depends on', e, ' (of the %s at %s:%d)' % (kind, p0, l0))
                          for p, l, e in deps]
        for p, l, kw, e, where in conds:
            if evaluate(e) == 0:
                reasons.append('%s:%d: %s %s%s' % (p, l, kw, annotate(e), where))
                off += [s for s in positive_off(e) if s not in off]
    if not reasons:
        reasons = ['its dependencies are met (%s); it may be a choice, have no prompt, '
                   'or be forced by a select' % ', '.join('%s:%d' % d[:2] for d in defs[sym])]
    print('%s\t%s\t%s' % (sym, '; '.join(reasons), ' '.join(off)))
EOF
}

# defconfig, then the wanted options on (those defconfig leaves off become y; y and m
# stay), olddefconfig, and a check: a wanted option that did not stick is explained, the
# dependencies holding it off are enabled when config_deps lists them, and the check runs
# again. What still is off after that is a warning, not an error: its code is not built.
configure() {
	local f=$1 o=$dir/$1 c why sym reason off more missing args=() enable=()
	log "$f: defconfig"
	mkdir -p "$o"
	kmake "$f" -s defconfig
	if is_full "$f"; then
		# Debug info is not needed for parsing and makes the build much slower.
		args+=(--disable DEBUG_INFO_DWARF_TOOLCHAIN_DEFAULT --disable DEBUG_INFO_DWARF4
			--disable DEBUG_INFO_DWARF5 --enable DEBUG_INFO_NONE)
	fi
	for c in "${config_wanted[@]}"; do
		case $(config_value "$f" "$c") in
		y|m) ;;
		*) args+=(--enable "$c"); log "$f: enabling CONFIG_$c (off in defconfig)" ;;
		esac
	done
	for _ in 1 2 3; do
		[ ${#args[@]} -eq 0 ] || "$src/scripts/config" --file "$o/.config" "${args[@]}"
		kmake "$f" -s olddefconfig
		missing=$(config_missing "$f")
		[ -n "$missing" ] || break
		# shellcheck disable=SC2086 # a list of option names
		why=$(kconfig_why "$src" "$o/.config" $missing)
		args=()
		more=0
		while IFS=$'\t' read -r sym reason off; do
			[ -n "$sym" ] || continue
			log "$f: CONFIG_$sym did not stick: $reason"
			for c in $off; do
				[[ " ${enable[*]} " != *" $c "* ]] || continue
				if [[ " ${config_deps[*]} " == *" $c "* ]]; then
					log "$f: enabling CONFIG_$c, which CONFIG_$sym depends on"
					enable+=("$c")
					more=1
				else
					warn "$f: CONFIG_$sym needs CONFIG_$c, which config_deps does" \
						"not list: not enabling it"
				fi
			done
			args+=(--enable "$sym")
		done <<<"$why"
		[ $more -eq 1 ] || break
		for c in "${enable[@]}"; do args=(--enable "$c" "${args[@]}"); done
	done
	missing=$(config_missing "$f")
	if [ -n "$missing" ]; then
		# shellcheck disable=SC2086 # a list of option names
		while IFS=$'\t' read -r sym reason off; do
			warn "$f: CONFIG_$sym is off, its code is not built: $reason"
		done < <(kconfig_why "$src" "$o/.config" $missing)
	fi
	for c in "${config_wanted[@]}"; do
		printf 'CONFIG_%s=%s\n' "$c" "$(config_value "$f" "$c")"
	done >"$o/config.log"
	log "$f: $(tr '\n' ' ' <"$o/config.log")"
}

prepare() {
	local f=$1
	log "$f: prepare"
	kmake "$f" -s -j"$jobs" prepare
}

# Builds only what lockpath reads, as Kbuild single targets (directories and .o files),
# which compile just those objects and their prerequisites. -k, and a failure is not fatal:
# linking a composite module may fail; the objects and their .cmd files are what count (the
# compdb stage warns about a wanted object that is missing). Output goes to build.log too.
build() {
	local f=$1 o=$dir/$1 rc=0 targets=("${build_dirs[@]}" "${build_objs[@]}")
	if is_full "$f"; then
		targets=(all)
		log "$f: building vmlinux and modules (-j$jobs; over an hour on two cores)"
	else
		log "$f: building ${#build_dirs[@]} directories and ${#build_objs[@]} objects (-j$jobs)"
	fi
	kmake "$f" -s -k -j"$jobs" "${targets[@]}" 2>&1 |
		tee "$o/build.log" >&2 || rc=$?
	if [ $rc -gt 128 ]; then
		die "$f: make was killed by signal $((rc - 128)); rerun to resume"
	elif [ $rc -ne 0 ]; then
		warn "$f: make -k exited $rc (see $o/build.log); going on with the objects built:"
		grep -E '\*\*\*|error:' "$o/build.log" | head -20 >&2 || true
	fi
}

# is_full FLAVOUR: true for the whole-tree flavours.
is_full() { case $1 in full|full-gcc) return 0 ;; esac; return 1; }

# Writes compile_commands.full.json with the kernel's own generator, then
# compile_commands.json with only the TUs under build_dirs or equal to build_objs' sources,
# never scripts/ (host tools) nor the vdso.
compdb() {
	local f=$1 o=$dir/$1
	log "$f: compile_commands.json"
	python3 "$src/scripts/clang-tools/gen_compile_commands.py" -d "$o" \
		-o "$o/compile_commands.full.json"
	local wanted=("${build_dirs[@]}" "${build_objs[@]}")
	is_full "$f" && wanted=(ALL)
	python3 - "$src" "$o" "${wanted[@]}" <<'EOF'
import json, os, sys
src, out, wanted = sys.argv[1], sys.argv[2], sys.argv[3:]
whole = wanted == ['ALL']
dirs = tuple(w for w in wanted if w.endswith('/'))
files = {w[:-2] + '.c' for w in wanted if w.endswith('.o')}
def rel(e):
    p = os.path.normpath(os.path.join(e['directory'], e['file']))
    for root in (src, out):
        if p.startswith(root + '/'):
            return os.path.relpath(p, root)
    return p
keep = []
for e in json.load(open(os.path.join(out, 'compile_commands.full.json'))):
    r = rel(e)
    if r.startswith('scripts/') or '/vdso' in r:
        continue
    # Host programs (built with HOSTCC) have no -D__KERNEL__; they are not kernel code.
    cmd = e.get('command') or ' '.join(e.get('arguments', []))
    if whole and '-D__KERNEL__' in cmd:
        keep.append(e)
    elif r.startswith(dirs) or r in files:
        keep.append(e)
keep.sort(key=rel)
tmp = os.path.join(out, 'compile_commands.json.tmp')
with open(tmp, 'w') as f:
    json.dump(keep, f, indent=2)
    f.write('\n')
os.replace(tmp, os.path.join(out, 'compile_commands.json'))
EOF
}

# Prints the TU count of FLAVOUR's database, then the wanted build_objs and build_dirs
# that have no TU in it.
compdb_summary() {
	python3 - "$dir/$1/compile_commands.json" "$src" "${build_objs[@]}" "${build_dirs[@]}" <<'EOF'
import json, os, sys
db, src, wanted = sys.argv[1], sys.argv[2], sys.argv[3:]
names = [os.path.relpath(e['file'], src) for e in json.load(open(db))]
print(len(names))
for w in wanted:
    if w.endswith('.o') and w[:-2] + '.c' not in names:
        print(w[:-2] + '.c')
    elif w.endswith('/') and not any(n.startswith(w) for n in names):
        print(w)
EOF
}

report() {
	local f=$1 db=$dir/$1/compile_commands.json n m
	if is_full "$f"; then
		echo "$f: $db ($(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$db") TUs)"
		return 0
	fi
	{
		read -r n
		while read -r m; do
			warn "$f: $m is not in the database (not configured or failed to compile)"
		done
	} < <(compdb_summary "$f")
	echo "$f: $db ($n TUs)"
}

all_ready() {
	local f
	[ -e "$dir/.stamp-unpack" ] || return 1
	for f in "${flavours[@]}"; do
		[ -e "$dir/$f/.stamp-compdb" ] || return 1
	done
}

# ---- main --------------------------------------------------------------------------------

# Wait for the lock on FILE (fd 9), saying what the other run is doing.
take_lock() {
	exec 9>"$1"
	if ! flock -n 9; then
		log "another kernel-tree.sh is $2; waiting for it"
		flock 9
	fi
}

if ! all_ready; then
	mkdir -p "$dir" || die "cannot create $dir (set LOCKPATH_KERNEL_DIR or --dir)"
	# The packages and the unpacked source are shared by every flavour: one run
	# sets them up, a second waits and then finds the stamp.  Each flavour's
	# build has a lock of its own, so that the hour of a --full build does not
	# hold up the ~100-TU sets (or their tests) beside it.
	t0=$EPOCHREALTIME
	if [ ! -e "$dir/.stamp-unpack" ]; then
		take_lock "$dir/.lock" "unpacking into $dir"
		install_packages
		run_stage - unpack "$dir/.stamp-unpack" unpack
		exec 9>&-
	else
		install_packages
	fi
	timings+=("- packages $(elapsed "$t0")")
	for f in "${flavours[@]}"; do
		mkdir -p "$dir/$f"
		take_lock "$dir/.lock-$f" "building $dir/$f"
		run_stage "$f" config "$dir/$f/.stamp-config" configure "$f"
		run_stage "$f" prepare "$dir/$f/.stamp-prepare" prepare "$f"
		run_stage "$f" build "$dir/$f/.stamp-build" build "$f"
		run_stage "$f" compdb "$dir/$f/.stamp-compdb" compdb "$f"
		exec 9>&-
	done
fi
check_version
for f in "${flavours[@]}"; do
	report "$f"
done
print_timings
log "total ${flavour} $(elapsed "$t_start")s"
