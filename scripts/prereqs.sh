# Checks for what building and testing policykg needs, sourced by scripts/setup and by the
# setup test (tests/setup.rs). Each check answers by its exit status and prints nothing.

# A file name bindgen (clang-sys 1.x, build/dynamic.rs) loads as libclang: libclang.so,
# libclang-*.so, libclang.so.*, libclang-*.so.*, but never a name holding "-cpp.": that is
# libclang-cpp.so.14, the C++ library many images carry without the C one. Matching it sent a
# fresh machine into a 20-minute RocksDB compile that failed at its last step.
is_libclang_name() {
  case $1 in
    *-cpp.*) return 1 ;;
    libclang.so | libclang-*.so | libclang.so.* | libclang-*.so.*) return 0 ;;
    *) return 1 ;;
  esac
}

# Some file in the given folders is a libclang.
libclang_in() {
  local dir file
  for dir in "$@"; do
    [ -d "$dir" ] || continue
    for file in "$dir"/libclang*.so*; do
      [ -e "$file" ] && is_libclang_name "$(basename "$file")" && return 0
    done
  done
  return 1
}

# Where clang-sys looks (build/common.rs): only $LIBCLANG_PATH when it is set; otherwise
# `llvm-config --prefix`, $LD_LIBRARY_PATH, $LIBRARY_PATH and the usual Linux folders.
libclang_loadable() {
  if [ -n "${LIBCLANG_PATH:-}" ]; then
    libclang_in "$LIBCLANG_PATH"
    return
  fi
  local dirs=() prefix
  if prefix=$(llvm-config --prefix 2>/dev/null); then dirs+=("$prefix/bin" "$prefix/lib" "$prefix/lib64"); fi
  local IFS=:
  dirs+=(${LD_LIBRARY_PATH:-} ${LIBRARY_PATH:-})
  unset IFS
  shopt -s nullglob
  dirs+=(/usr/local/llvm*/lib* /usr/local/lib*/*/* /usr/local/lib*/* /usr/local/lib* /usr/lib*/*/* /usr/lib*/* /usr/lib*)
  shopt -u nullglob
  libclang_in "${dirs[@]}"
}

has_command() { command -v "$1" >/dev/null 2>&1; }
# grep reads all of fc-list's output: `grep -q` stops at the first match, fc-list then dies
# of SIGPIPE, and under `set -o pipefail` the font was reported missing one run in two.
has_cjk_font() { fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null; }
has_pip() { python3 -m pip --version >/dev/null 2>&1; }
python_module() { python3 -c "import $1" >/dev/null 2>&1; }
# The npm packages of a folder's package-lock.json are installed (the lock is not newer than
# what npm installed from it).
npm_installed() { [ -f "$1/node_modules/.package-lock.json" ] && ! [ "$1/package-lock.json" -nt "$1/node_modules/.package-lock.json" ]; }
