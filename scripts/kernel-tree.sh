#!/usr/bin/env bash
# kernel-tree.sh - set up lockpath's reference kernel tree (Debian's linux-source-6.1,
# s390) outside the repo, in ${LOCKPATH_KERNEL_DIR:-/var/cache/lockpath/kernel-6.1}.
# It installs the missing Debian packages, unpacks the source once, and for each build
# flavour (clang: LLVM=-19, gcc: s390x-linux-gnu-gcc) configures an O= build dir with the
# virtio drivers on, compiles only the objects lockpath reads (s390 cio, virtio-ccw, the
# virtio core and the virtio drivers) and writes a compile_commands.json filtered to them.
# Each stage leaves a stamp file, so a rerun resumes where an interrupted one stopped and a
# run on a ready tree only prints the databases. It never links a kernel or installs modules.
set -euo pipefail

usage() {
	cat <<'EOF'
usage: scripts/kernel-tree.sh [--flavour clang|gcc|both] [--dir DIR] [--jobs N]

Sets up the reference s390 kernel tree (linux-source-6.1) for lockpath and prints, per
flavour, the path of its compile_commands.json and the number of translation units.

  --flavour F   clang, gcc or both (default: both)
  --dir DIR     cache directory (default: $LOCKPATH_KERNEL_DIR, else
                /var/cache/lockpath/kernel-6.1)
  --jobs N      parallel make jobs (default: nproc)
  -h, --help    this text

Layout of DIR: linux-source-6.1/ (the unpacked source, never built in), clang/ and gcc/
(O= build dirs), each with compile_commands.json (filtered) and compile_commands.full.json.
Stamps: DIR/.stamp-unpack, DIR/<flavour>/.stamp-{config,prepare,build,compdb}; delete one
(and the later ones) to redo a stage.
EOF
}

die() { echo "kernel-tree.sh: error: $*" >&2; exit 2; }
log() { echo "kernel-tree.sh: $*" >&2; }
warn() { echo "kernel-tree.sh: warning: $*" >&2; }

flavour=both
dir=${LOCKPATH_KERNEL_DIR:-/var/cache/lockpath/kernel-6.1}
jobs=$(nproc)
while [ $# -gt 0 ]; do
	case $1 in
	--flavour) [ $# -ge 2 ] || die "--flavour needs an argument"; flavour=$2; shift 2 ;;
	--flavour=*) flavour=${1#*=}; shift ;;
	--dir) [ $# -ge 2 ] || die "--dir needs an argument"; dir=$2; shift 2 ;;
	--dir=*) dir=${1#*=}; shift ;;
	--jobs|-j) [ $# -ge 2 ] || die "--jobs needs an argument"; jobs=$2; shift 2 ;;
	--jobs=*) jobs=${1#*=}; shift ;;
	-h|--help) usage; exit 0 ;;
	*) usage >&2; die "unknown argument '$1'" ;;
	esac
done
case $flavour in
clang) flavours=(clang) ;;
gcc) flavours=(gcc) ;;
both) flavours=(clang gcc) ;;
*) die "--flavour must be clang, gcc or both, not '$flavour'" ;;
esac
[[ $jobs =~ ^[1-9][0-9]*$ ]] || die "--jobs must be a positive number, not '$jobs'"

# Absolute, so that the printed paths and the compile database's directories are usable
# from anywhere.
case $dir in /*) ;; *) dir=$PWD/$dir ;; esac
tarball=/usr/src/linux-source-6.1.tar.xz
src=$dir/linux-source-6.1

# What lockpath reads: directories built whole, and single objects of drivers living in
# big directories. The compile database is filtered down to these (see filter_compdb).
build_dirs=(
	drivers/s390/cio/
	drivers/s390/virtio/
	drivers/virtio/
	drivers/crypto/virtio/
	drivers/gpu/drm/virtio/
)
build_objs=(
	drivers/block/virtio_blk.o
	drivers/net/virtio_net.o
	drivers/char/virtio_console.o
	drivers/scsi/virtio_scsi.o
	drivers/char/hw_random/virtio-rng.o
	fs/fuse/virtio_fs.o
	net/vmw_vsock/virtio_transport.o
	net/vmw_vsock/virtio_transport_common.o
	net/9p/trans_virtio.o
)

# Options lockpath needs, and the options they depend on that s390 defconfig may leave
# off. Dependencies go first; all are set to y with scripts/config before olddefconfig.
config_deps=(
	PCI VIRTIO_MENU TTY SCSI SCSI_LOWLEVEL NETDEVICES NET_CORE BLK_DEV CRYPTO CRYPTO_HW
	HW_RANDOM INPUT FUSE_FS DRM VSOCKETS NET_9P
)
config_wanted=(
	VIRTIO_BALLOON VIRTIO_BLK VIRTIO_NET VIRTIO_CONSOLE CRYPTO_DEV_VIRTIO SCSI_VIRTIO
	HW_RANDOM_VIRTIO VIRTIO_INPUT VIRTIO_FS DRM_VIRTIO_GPU VIRTIO_VSOCKETS NET_9P_VIRTIO
	VIRTIO_PCI
)

packages=(
	linux-source-6.1 clang-19 lld-19 llvm-19 gcc-s390x-linux-gnu binutils-s390x-linux-gnu
	bc flex bison libssl-dev libelf-dev make python3
)

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
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >&2
}

# Unpacks the tarball into $src through a temporary directory, so a half-unpacked tree
# is never taken for a finished one.
unpack() {
	[ -e "$dir/.stamp-unpack" ] && return 0
	[ -r "$tarball" ] || die "$tarball not found (is linux-source-6.1 installed?)"
	log "unpacking $tarball into $dir"
	rm -rf "$src" "$dir/.unpack.tmp"
	mkdir -p "$dir/.unpack.tmp"
	tar -C "$dir/.unpack.tmp" -xJf "$tarball"
	mv "$dir/.unpack.tmp/linux-source-6.1" "$src"
	rmdir "$dir/.unpack.tmp"
	touch "$dir/.stamp-unpack"
}

# make arguments per flavour. clang: LLVM=-19 makes every tool the -19 suffixed LLVM one,
# but ld.lld-19 cannot be used for s390 in 6.1 (the s390 Makefiles pass options only GNU
# ld knows, and 6.1's docs list s390 as CC=clang only), so LD is GNU ld from
# binutils-s390x-linux-gnu; CROSS_COMPILE also gives clang --target=s390x-linux-gnu.
make_args() {
	case $1 in
	clang) echo "ARCH=s390 LLVM=-19 LD=s390x-linux-gnu-ld CROSS_COMPILE=s390x-linux-gnu-" ;;
	gcc) echo "ARCH=s390 CROSS_COMPILE=s390x-linux-gnu-" ;;
	esac
}

# kmake FLAVOUR ARGS...: make in the source tree with the flavour's O= dir and arguments.
kmake() {
	local f=$1; shift
	# shellcheck disable=SC2046 # make_args is a list of words on purpose
	make -C "$src" O="$dir/$f" $(make_args "$f") "$@"
}

# Prints the wanted options that are neither =y nor =m in FLAVOUR's .config.
config_missing() {
	local o
	for o in "${config_wanted[@]}"; do
		grep -Eq "^CONFIG_$o=[ym]$" "$dir/$1/.config" || echo "$o"
	done
}

configure() {
	local f=$1 o=$dir/$1
	[ -e "$o/.stamp-config" ] && return 0
	log "$f: defconfig"
	mkdir -p "$o"
	kmake "$f" -s defconfig
	local args=() c
	for c in "${config_deps[@]}" "${config_wanted[@]}"; do args+=(--enable "$c"); done
	"$src/scripts/config" --file "$o/.config" "${args[@]}"
	kmake "$f" -s olddefconfig
	local missing
	missing=$(config_missing "$f")
	for c in $missing; do
		warn "$f: CONFIG_$c did not stick (a dependency is off on s390); its code is not built"
	done
	for c in "${config_wanted[@]}"; do
		grep -E "^CONFIG_$c=" "$o/.config" >&2 || true
	done
	touch "$o/.stamp-config"
}

prepare() {
	local f=$1 o=$dir/$1
	[ -e "$o/.stamp-prepare" ] && return 0
	log "$f: prepare"
	kmake "$f" -s -j"$jobs" prepare
	touch "$o/.stamp-prepare"
}

# Builds only what lockpath reads, as Kbuild single targets (directories and .o files),
# which compile just those objects and their prerequisites. -k, and failure is not fatal:
# linking a composite module may fail; the objects and their .cmd files are what count.
build() {
	local f=$1 o=$dir/$1
	[ -e "$o/.stamp-build" ] && return 0
	log "$f: building ${#build_dirs[@]} directories and ${#build_objs[@]} objects"
	if ! kmake "$f" -s -k -j"$jobs" "${build_dirs[@]}" "${build_objs[@]}"; then
		warn "$f: make -k reported failures (see above); going on with the objects built"
	fi
	touch "$o/.stamp-build"
}

# Writes compile_commands.full.json with the kernel's own generator, then
# compile_commands.json with only the TUs under build_dirs or equal to build_objs' sources,
# never scripts/ (host tools) nor the vdso.
compdb() {
	local f=$1 o=$dir/$1
	[ -e "$o/.stamp-compdb" ] && return 0
	log "$f: compile_commands.json"
	python3 "$src/scripts/clang-tools/gen_compile_commands.py" -d "$o" \
		-o "$o/compile_commands.full.json"
	python3 - "$src" "$o" "${build_dirs[@]}" "${build_objs[@]}" <<'EOF'
import json, os, sys
src, out, wanted = sys.argv[1], sys.argv[2], sys.argv[3:]
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
    if r.startswith(dirs) or r in files:
        keep.append(e)
keep.sort(key=rel)
tmp = os.path.join(out, 'compile_commands.json.tmp')
with open(tmp, 'w') as f:
    json.dump(keep, f, indent=2)
    f.write('\n')
os.replace(tmp, os.path.join(out, 'compile_commands.json'))
EOF
	touch "$o/.stamp-compdb"
}

# Lists the wanted build_objs whose TU is missing from the filtered database.
compdb_missing() {
	python3 - "$dir/$1/compile_commands.json" "${build_objs[@]}" <<'EOF'
import json, sys
names = [e['file'] for e in json.load(open(sys.argv[1]))]
for o in sys.argv[2:]:
    if not any(n.endswith('/' + o[:-2] + '.c') for n in names):
        print(o[:-2] + '.c')
EOF
}

report() {
	local f=$1 db=$dir/$1/compile_commands.json n m
	n=$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))))' "$db")
	for m in $(compdb_missing "$f"); do
		warn "$f: $m is not in the database (not configured or failed to compile)"
	done
	echo "$f: $db ($n TUs)"
}

all_ready() {
	local f
	for f in "${flavours[@]}"; do
		[ -e "$dir/$f/.stamp-compdb" ] || return 1
	done
}

if ! all_ready; then
	install_packages
	mkdir -p "$dir"
	unpack
	for f in "${flavours[@]}"; do
		configure "$f"
		prepare "$f"
		build "$f"
		compdb "$f"
	done
fi
for f in "${flavours[@]}"; do
	report "$f"
done
