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

int fileRead(sqlite3_file *file, void *buffer, int amount, sqlite3_int64 offset)
{
    return real(file)->pMethods->xRead(real(file), buffer, amount, offset);
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

int fileTruncate(sqlite3_file *file, sqlite3_int64 size)
{
    return real(file)->pMethods->xTruncate(real(file), size);
}

int fileSync(sqlite3_file *file, int flags)
{
    return real(file)->pMethods->xSync(real(file), flags);
}

int fileSize(sqlite3_file *file, sqlite3_int64 *size)
{
    return real(file)->pMethods->xFileSize(real(file), size);
}

int fileLock(sqlite3_file *file, int level)
{
    return real(file)->pMethods->xLock(real(file), level);
}

int fileUnlock(sqlite3_file *file, int level)
{
    return real(file)->pMethods->xUnlock(real(file), level);
}

int fileCheckReservedLock(sqlite3_file *file, int *result)
{
    return real(file)->pMethods->xCheckReservedLock(real(file), result);
}

int fileControl(sqlite3_file *file, int op, void *arg)
{
    return real(file)->pMethods->xFileControl(real(file), op, arg);
}

int fileSectorSize(sqlite3_file *file)
{
    return real(file)->pMethods->xSectorSize(real(file));
}

int fileDeviceCharacteristics(sqlite3_file *file)
{
    return real(file)->pMethods->xDeviceCharacteristics(real(file));
}

int fileShmMap(sqlite3_file *file, int region, int size, int extend, void volatile **mapped)
{
    return real(file)->pMethods->xShmMap(real(file), region, size, extend, mapped);
}

int fileShmLock(sqlite3_file *file, int offset, int n, int flags)
{
    return real(file)->pMethods->xShmLock(real(file), offset, n, flags);
}

void fileShmBarrier(sqlite3_file *file)
{
    real(file)->pMethods->xShmBarrier(real(file));
}

int fileShmUnmap(sqlite3_file *file, int deleteFlag)
{
    return real(file)->pMethods->xShmUnmap(real(file), deleteFlag);
}

int fileFetch(sqlite3_file *file, sqlite3_int64 offset, int amount, void **page)
{
    return real(file)->pMethods->xFetch(real(file), offset, amount, page);
}

int fileUnfetch(sqlite3_file *file, sqlite3_int64 offset, void *page)
{
    return real(file)->pMethods->xUnfetch(real(file), offset, page);
}

// One table per version of the wrapped file's methods: SQLite looks at iVersion before it
// calls the shared-memory (2) and memory-map (3) methods.
sqlite3_io_methods methodsOfVersion(int version)
{
    sqlite3_io_methods m{};
    m.iVersion = version;
    m.xClose = fileClose;
    m.xRead = fileRead;
    m.xWrite = fileWrite;
    m.xTruncate = fileTruncate;
    m.xSync = fileSync;
    m.xFileSize = fileSize;
    m.xLock = fileLock;
    m.xUnlock = fileUnlock;
    m.xCheckReservedLock = fileCheckReservedLock;
    m.xFileControl = fileControl;
    m.xSectorSize = fileSectorSize;
    m.xDeviceCharacteristics = fileDeviceCharacteristics;
    if (version >= 2) {
        m.xShmMap = fileShmMap;
        m.xShmLock = fileShmLock;
        m.xShmBarrier = fileShmBarrier;
        m.xShmUnmap = fileShmUnmap;
    }
    if (version >= 3) {
        m.xFetch = fileFetch;
        m.xUnfetch = fileUnfetch;
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

int vfsDelete(sqlite3_vfs *vfs, const char *name, int syncDir)
{
    return baseVfs(vfs)->xDelete(baseVfs(vfs), name, syncDir);
}

int vfsAccess(sqlite3_vfs *vfs, const char *name, int flags, int *result)
{
    return baseVfs(vfs)->xAccess(baseVfs(vfs), name, flags, result);
}

int vfsFullPathname(sqlite3_vfs *vfs, const char *name, int size, char *out)
{
    return baseVfs(vfs)->xFullPathname(baseVfs(vfs), name, size, out);
}

void *vfsDlOpen(sqlite3_vfs *vfs, const char *name)
{
    return baseVfs(vfs)->xDlOpen(baseVfs(vfs), name);
}

void vfsDlError(sqlite3_vfs *vfs, int size, char *out)
{
    baseVfs(vfs)->xDlError(baseVfs(vfs), size, out);
}

void (*vfsDlSym(sqlite3_vfs *vfs, void *handle, const char *symbol))(void)
{
    return baseVfs(vfs)->xDlSym(baseVfs(vfs), handle, symbol);
}

void vfsDlClose(sqlite3_vfs *vfs, void *handle)
{
    baseVfs(vfs)->xDlClose(baseVfs(vfs), handle);
}

int vfsRandomness(sqlite3_vfs *vfs, int size, char *out)
{
    return baseVfs(vfs)->xRandomness(baseVfs(vfs), size, out);
}

int vfsSleep(sqlite3_vfs *vfs, int microseconds)
{
    return baseVfs(vfs)->xSleep(baseVfs(vfs), microseconds);
}

int vfsCurrentTime(sqlite3_vfs *vfs, double *now)
{
    return baseVfs(vfs)->xCurrentTime(baseVfs(vfs), now);
}

int vfsGetLastError(sqlite3_vfs *vfs, int size, char *out)
{
    return baseVfs(vfs)->xGetLastError(baseVfs(vfs), size, out);
}

int vfsCurrentTimeInt64(sqlite3_vfs *vfs, sqlite3_int64 *now)
{
    return baseVfs(vfs)->xCurrentTimeInt64(baseVfs(vfs), now);
}

int vfsSetSystemCall(sqlite3_vfs *vfs, const char *name, sqlite3_syscall_ptr call)
{
    return baseVfs(vfs)->xSetSystemCall(baseVfs(vfs), name, call);
}

sqlite3_syscall_ptr vfsGetSystemCall(sqlite3_vfs *vfs, const char *name)
{
    return baseVfs(vfs)->xGetSystemCall(baseVfs(vfs), name);
}

const char *vfsNextSystemCall(sqlite3_vfs *vfs, const char *name)
{
    return baseVfs(vfs)->xNextSystemCall(baseVfs(vfs), name);
}

} // namespace

PacedWrites::PacedWrites(int kibPerMs, const std::atomic<bool> *hurry)
    : m_bytesPerMs(qint64(std::max(kibPerMs, 1)) * 1024),
      m_chunkBytes(std::min<qint64>(m_bytesPerMs, 64 * 1024)), m_started(Clock::now()),
      m_hurry(hurry), m_outer(t_current)
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
    if (due <= now || (m_hurry && m_hurry->load()))
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
        vfs.xDelete = vfsDelete;
        vfs.xAccess = vfsAccess;
        vfs.xFullPathname = vfsFullPathname;
        vfs.xDlOpen = vfsDlOpen;
        vfs.xDlError = vfsDlError;
        vfs.xDlSym = vfsDlSym;
        vfs.xDlClose = vfsDlClose;
        vfs.xRandomness = vfsRandomness;
        vfs.xSleep = vfsSleep;
        vfs.xCurrentTime = vfsCurrentTime;
        vfs.xGetLastError = vfsGetLastError;
        vfs.xCurrentTimeInt64 = vfsCurrentTimeInt64;
        vfs.xSetSystemCall = vfsSetSystemCall;
        vfs.xGetSystemCall = vfsGetSystemCall;
        vfs.xNextSystemCall = vfsNextSystemCall;
        installed = sqlite3_vfs_register(&vfs, 1) == SQLITE_OK;
    });
    return installed;
}

} // namespace parley::core
