#pragma once

#include <QtGlobal>

#include <atomic>
#include <chrono>

namespace parley::core {

// Spreads a thread's writes to SQLite database files over time.
//
// A checkpoint copies a burst of pages into the database file, then fsyncs it: the whole burst
// goes to the disk at once, and on this class of machine every other fdatasync on the same disk
// (the journal's, which holds webhook answers) waits behind it. While a PacedWrites lives, the
// thread that made it writes database files (not WALs, not journals) at most
// kibPerMs KiB per millisecond: after each chunk it starts the chunk's write-out
// (sync_file_range, no cache flush) and sleeps until the rate allows the next. The closing fsync
// then finds the pages written, and the other fdatasyncs meanwhile each carry a slice.
//
// It works through a VFS that wraps SQLite's default one and becomes the default
// (installVfs(), called by Database before the first connection). Without a PacedWrites on the
// calling thread it only forwards calls. Durability is SQLite's: nothing is reordered or
// skipped, only delayed.
class PacedWrites
{
public:
    // hurry (optional): once it is true, writes go on unpaced (a pass that must end soon).
    explicit PacedWrites(int kibPerMs, const std::atomic<bool> *hurry = nullptr);
    ~PacedWrites();
    PacedWrites(const PacedWrites &) = delete;
    PacedWrites &operator=(const PacedWrites &) = delete;

    // Bytes written to database files under this pacer, and the time it slept.
    qint64 bytesWritten() const { return m_bytes; }
    std::chrono::microseconds slept() const { return m_slept; }

    // Registers the pacing VFS as SQLite's default (once; later calls do nothing). False if
    // SQLite refused it: connections then use the plain default VFS, unpaced.
    static bool installVfs();

    // Called by the VFS after a write of length bytes to a database file; fd is a descriptor
    // of that file that sync_file_range may use (-1: none).
    void wrote(int fd, qint64 length);
    static PacedWrites *current();

private:
    using Clock = std::chrono::steady_clock;
    qint64 m_bytesPerMs;
    qint64 m_chunkBytes;
    qint64 m_bytes = 0;
    qint64 m_unstarted = 0; // written since the last write-out started
    Clock::time_point m_started;
    std::chrono::microseconds m_slept{0};
    const std::atomic<bool> *m_hurry;
    PacedWrites *m_outer;
};

} // namespace parley::core
