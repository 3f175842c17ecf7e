"""Take the network away from a query worker, so that no query can ever open a connection.

pyoxigraph evaluates federated ``SERVICE`` calls over HTTP on every query and offers no switch
to turn that off. The endpoint refuses SERVICE before evaluation (:mod:`sparql.guard`); this
module is the second wall: a seccomp filter, installed in each worker process before it opens
the store, makes the kernel refuse ``socket(AF_INET|AF_INET6, ...)`` and ``io_uring_setup``
with ``EACCES``. The filter cannot be lifted by the process and is inherited by its children.

It needs Linux on x86-64 or AArch64 and no privileges (``PR_SET_NO_NEW_PRIVS`` first).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import multiprocessing
import os
import platform
import signal
import struct
import sys

PR_SET_PDEATHSIG = 1
PR_SET_NO_NEW_PRIVS = 38
PR_SET_SECCOMP = 22
SECCOMP_MODE_FILTER = 2
SECCOMP_RET_ALLOW = 0x7FFF0000
SECCOMP_RET_ERRNO = 0x00050000
X32_SYSCALL_BIT = 0x40000000
AF_INET, AF_INET6 = 2, 10

# (audit architecture, socket syscall number, io_uring_setup syscall number)
ARCHITECTURES = {
    "x86_64": (0xC000003E, 41, 425),
    "aarch64": (0xC00000B7, 198, 425),
}

# classic BPF opcodes
LD_W_ABS = 0x20
JEQ_K = 0x15
JGE_K = 0x35
RET_K = 0x06
OFFSET_NR, OFFSET_ARCH, OFFSET_ARG0 = 0, 4, 16  # struct seccomp_data, little-endian


class SandboxError(Exception):
    """The filter could not be installed; the message says why."""


class _SockFprog(ctypes.Structure):
    _fields_ = (("len", ctypes.c_ushort), ("filter", ctypes.c_void_p))


def _instruction(code: int, jt: int, jf: int, k: int) -> bytes:
    return struct.pack("<HBBI", code, jt, jf, k)


def filter_program(machine: str) -> bytes:
    """The BPF program for ``machine`` (``platform.machine()``), as bytes of sock_filter."""
    if machine not in ARCHITECTURES:
        raise SandboxError(f"no seccomp filter for the {machine} architecture")
    arch, socket_nr, io_uring_nr = ARCHITECTURES[machine]
    deny = SECCOMP_RET_ERRNO | errno.EACCES
    program = [
        _instruction(LD_W_ABS, 0, 0, OFFSET_ARCH),
        _instruction(JEQ_K, 1, 0, arch),  # same architecture: go on
        _instruction(RET_K, 0, 0, deny),  # a foreign syscall ABI: refuse everything
        _instruction(LD_W_ABS, 0, 0, OFFSET_NR),
        _instruction(JGE_K, 6, 0, X32_SYSCALL_BIT),  # x32 ABI -> deny
        _instruction(JEQ_K, 5, 0, io_uring_nr),  # io_uring could connect behind seccomp's back
        _instruction(JEQ_K, 0, 3, socket_nr),
        _instruction(LD_W_ABS, 0, 0, OFFSET_ARG0),
        _instruction(JEQ_K, 2, 0, AF_INET),
        _instruction(JEQ_K, 1, 0, AF_INET6),
        _instruction(RET_K, 0, 0, SECCOMP_RET_ALLOW),
        _instruction(RET_K, 0, 0, deny),
    ]
    return b"".join(program)


def spawned_by() -> int | None:
    """The pid of the process that started this one with :mod:`multiprocessing`, if it did."""
    parent = multiprocessing.parent_process()
    return parent.pid if parent is not None else None


def die_with_parent(parent: int | None = None) -> None:
    """Have the kernel SIGKILL this process when its parent dies (Linux; elsewhere nothing),
    so a worker busy with a long query never outlives a server that was killed. With
    ``parent`` (the pid it was started by), a process whose parent died before this call, while
    it was starting, exits at once: the kernel would never send it the signal."""
    if not sys.platform.startswith("linux"):
        return
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if parent is not None and os.getppid() != parent:
        os._exit(1)


def deny_network() -> None:
    """Install the filter in this process; raise :class:`SandboxError` where impossible."""
    if not sys.platform.startswith("linux"):
        raise SandboxError(f"seccomp is Linux only, not {sys.platform}")
    program = filter_program(platform.machine())
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    buffer = ctypes.create_string_buffer(program, len(program))
    fprog = _SockFprog(len(program) // 8, ctypes.cast(buffer, ctypes.c_void_p))
    if libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        raise SandboxError(f"prctl(NO_NEW_PRIVS) failed: {errno.errorcode[ctypes.get_errno()]}")
    if libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.byref(fprog), 0, 0) != 0:
        raise SandboxError(f"prctl(SECCOMP) failed: {errno.errorcode[ctypes.get_errno()]}")
