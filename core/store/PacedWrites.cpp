#include "store/PacedWrites.h"

#include <sqlite3.h>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <mutex>
#include <thread>

namespace parley::core {

namespace {

thread_local PacedWrites *t_current = nullptr;

constexpr const char kVfsName[] = "parley-paced";

sqlite3_vfs *baseVfs(sqlite3_vfs *vfs)
{
    return static_cast<sqlite3_vfs *>(vfs->pAppData);
}

// An open file: SQLite's own file object follows this header in the same allocation.
struct PacedFile
{
    sqlite3_file base;
    int flags;
    int ownFd; // for sync_file_range, opened at the first paced write (-1: not yet or failed)
    const char *name; // SQLite keeps it valid until xClose
    sqlite3_file *real() { return reinterpret_cast<sqlite3_file *>(this + 1); }
};
static_assert(sizeof(PacedFile) % alignof(sqlite3_int64) == 0, "SQLite's file object follows");

PacedFile *paced(sqlite3_file *file)
{
    return reinterpret_cast<PacedFile *>(file);
}

sqlite3_file *real(sqlite3_file *file)
{
    return paced(file)->real();
}

int fileClose(sqlite3_file *file)
{
    PacedFile *p = paced(file);
    const int rc = p->real()->pMethods->xClose(p->real());
    if (p->ownFd >= 0)
        ::close(p->ownFd);
    p->ownFd = -1;
    return rc;
}

int fileWrite(sqlite3_file *file, const void *buffer, int amount, sqlite3_int64 offset)
{
    PacedFile *p = paced(file);
    const int rc = p->real()->pMethods->xWrite(p->real(), buffer, amount, offset);
    if (rc != SQLITE_OK || (p->flags & SQLITE_OPEN_MAIN_DB) == 0)
        return rc;
    if (PacedWrites *pacer = PacedWrites::current()) {
        if (p->ownFd < 0 && p->name)
            p->ownFd = ::open(p->name, O_RDONLY | O_CLOEXEC);
        pacer->wrote(p->ownFd, amount);
    }
    return rc;
}

// Forwarders: FileCall<&sqlite3_io_methods::xRead>::call passes a call on to the wrapped
// file's method, VfsCall<&sqlite3_vfs::xAccess>::call to the wrapped VFS.
template <auto Method>
struct FileCall;
template <typename R, typename... Args, R (*sqlite3_io_methods::*Method)(sqlite3_file *, Args...)>
struct FileCall<Method>
{
    static R call(sqlite3_file *file, Args... args)
    {
        sqlite3_file *inner = real(file);
        return (inner->pMethods->*Method)(inner, args...);
    }
};

template <auto Method>
struct VfsCall;
template <typename R, typename... Args, R (*sqlite3_vfs::*Method)(sqlite3_vfs *, Args...)>
struct VfsCall<Method>
{
    static R call(sqlite3_vfs *vfs, Args... args)
    {
        return (baseVfs(vfs)->*Method)(baseVfs(vfs), args...);
    }
};

// One table per version of the wrapped file's methods: SQLite looks at iVersion before it
// calls the shared-memory (2) and memory-map (3) methods.
sqlite3_io_methods methodsOfVersion(int version)
{
    sqlite3_io_methods m{};
    m.iVersion = version;
    m.xClose = fileClose;
    m.xRead = FileCall<&sqlite3_io_methods::xRead>::call;
    m.xWrite = fileWrite;
    m.xTruncate = FileCall<&sqlite3_io_methods::xTruncate>::call;
    m.xSync = FileCall<&sqlite3_io_methods::xSync>::call;
    m.xFileSize = FileCall<&sqlite3_io_methods::xFileSize>::call;
    m.xLock = FileCall<&sqlite3_io_methods::xLock>::call;
    m.xUnlock = FileCall<&sqlite3_io_methods::xUnlock>::call;
    m.xCheckReservedLock = FileCall<&sqlite3_io_methods::xCheckReservedLock>::call;
    m.xFileControl = FileCall<&sqlite3_io_methods::xFileControl>::call;
    m.xSectorSize = FileCall<&sqlite3_io_methods::xSectorSize>::call;
    m.xDeviceCharacteristics = FileCall<&sqlite3_io_methods::xDeviceCharacteristics>::call;
    if (version >= 2) {
        m.xShmMap = FileCall<&sqlite3_io_methods::xShmMap>::call;
        m.xShmLock = FileCall<&sqlite3_io_methods::xShmLock>::call;
        m.xShmBarrier = FileCall<&sqlite3_io_methods::xShmBarrier>::call;
        m.xShmUnmap = FileCall<&sqlite3_io_methods::xShmUnmap>::call;
    }
    if (version >= 3) {
        m.xFetch = FileCall<&sqlite3_io_methods::xFetch>::call;
        m.xUnfetch = FileCall<&sqlite3_io_methods::xUnfetch>::call;
    }
    return m;
}

const sqlite3_io_methods kMethods[3]
    = {methodsOfVersion(1), methodsOfVersion(2), methodsOfVersion(3)};

int vfsOpen(sqlite3_vfs *vfs, sqlite3_filename name, sqlite3_file *file, int flags, int *outFlags)
{
    PacedFile *p = paced(file);
    p->base.pMethods = nullptr;
    p->flags = flags;
    p->ownFd = -1;
    p->name = name;
    sqlite3_file *inner = p->real();
    inner->pMethods = nullptr;
    const int rc = baseVfs(vfs)->xOpen(baseVfs(vfs), name, inner, flags, outFlags);
    if (inner->pMethods)
        p->base.pMethods = &kMethods[std::clamp(inner->pMethods->iVersion, 1, 3) - 1];
    return rc;
}

} // namespace

PacedWrites::PacedWrites(int kibPerMs)
    : m_bytesPerMs(qint64(std::max(kibPerMs, 1)) * 1024),
      m_chunkBytes(std::min<qint64>(m_bytesPerMs, 64 * 1024)), m_started(Clock::now()),
      m_outer(t_current)
{
    t_current = this;
}

PacedWrites::~PacedWrites()
{
    t_current = m_outer;
}

PacedWrites *PacedWrites::current()
{
    return t_current;
}

void PacedWrites::wrote(int fd, qint64 length)
{
    m_bytes += length;
    m_unstarted += length;
    if (m_unstarted < m_chunkBytes)
        return;
    m_unstarted = 0;
    if (fd >= 0)
        ::sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE);
    const auto due = m_started + std::chrono::microseconds(m_bytes * 1000 / m_bytesPerMs);
    const auto now = Clock::now();
    if (due <= now)
        return;
    std::this_thread::sleep_until(due);
    m_slept += std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - now);
}

bool PacedWrites::installVfs()
{
    static bool installed = false;
    static std::once_flag once;
    std::call_once(once, [] {
        static sqlite3_vfs vfs{};
        sqlite3_vfs *base = sqlite3_vfs_find(nullptr);
        if (!base || base->iVersion < 3)
            return;
        vfs.iVersion = 3;
        vfs.szOsFile = int(sizeof(PacedFile)) + base->szOsFile;
        vfs.mxPathname = base->mxPathname;
        vfs.zName = kVfsName;
        vfs.pAppData = base;
        vfs.xOpen = vfsOpen;
        vfs.xDelete = VfsCall<&sqlite3_vfs::xDelete>::call;
        vfs.xAccess = VfsCall<&sqlite3_vfs::xAccess>::call;
        vfs.xFullPathname = VfsCall<&sqlite3_vfs::xFullPathname>::call;
        vfs.xDlOpen = VfsCall<&sqlite3_vfs::xDlOpen>::call;
        vfs.xDlError = VfsCall<&sqlite3_vfs::xDlError>::call;
        vfs.xDlSym = VfsCall<&sqlite3_vfs::xDlSym>::call;
        vfs.xDlClose = VfsCall<&sqlite3_vfs::xDlClose>::call;
        vfs.xRandomness = VfsCall<&sqlite3_vfs::xRandomness>::call;
        vfs.xSleep = VfsCall<&sqlite3_vfs::xSleep>::call;
        vfs.xCurrentTime = VfsCall<&sqlite3_vfs::xCurrentTime>::call;
        vfs.xGetLastError = VfsCall<&sqlite3_vfs::xGetLastError>::call;
        vfs.xCurrentTimeInt64 = VfsCall<&sqlite3_vfs::xCurrentTimeInt64>::call;
        vfs.xSetSystemCall = VfsCall<&sqlite3_vfs::xSetSystemCall>::call;
        vfs.xGetSystemCall = VfsCall<&sqlite3_vfs::xGetSystemCall>::call;
        vfs.xNextSystemCall = VfsCall<&sqlite3_vfs::xNextSystemCall>::call;
        installed = sqlite3_vfs_register(&vfs, 1) == SQLITE_OK;
    });
    return installed;
}

} // namespace parley::core
