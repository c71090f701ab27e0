# Checks for what building and testing policykg needs, sourced by scripts/setup and by the
# setup test (tests/setup.rs). Each check answers by its exit status and prints nothing.

# A file name bindgen (clang-sys) loads as libclang: libclang.so, libclang.so.1,
# libclang-14.so, libclang-14.so.1. Not libclang-cpp.so.14, the C++ library that many images
# carry without the C one: matching it sent a fresh machine into a 20-minute RocksDB compile
# that failed at its last step.
is_libclang_name() {
  [[ $1 =~ ^libclang(-[0-9][0-9.]*)?\.so(\.[0-9][0-9.]*)?$ ]]
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

# Some library the dynamic loader lists (`ldconfig -p` lines on standard input) is a libclang.
libclang_listed() {
  local name
  while read -r name _; do
    is_libclang_name "$name" && return 0
  done
  return 1
}

# Where clang-sys looks: $LIBCLANG_PATH, the loader's cache, then the usual folders.
libclang_loadable() {
  if [ -n "${LIBCLANG_PATH:-}" ]; then libclang_in "$LIBCLANG_PATH" && return 0; fi
  ldconfig -p 2>/dev/null | libclang_listed && return 0
  libclang_in /usr/lib/llvm-*/lib /usr/lib/x86_64-linux-gnu /usr/lib/aarch64-linux-gnu /usr/lib64 /usr/lib /usr/local/lib
}

has_command() { command -v "$1" >/dev/null 2>&1; }
has_cjk_font() { fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; }
