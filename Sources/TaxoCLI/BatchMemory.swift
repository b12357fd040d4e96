/// How a run that ends when its command does (check, build, site, gaps ...) takes memory from glibc: its
/// large buffers (file contents, reports, the index's pages) from the heap rather than from a mapping of
/// their own, freed memory kept for the next buffer rather than handed back, and the heap grown 64 MB at a
/// time. Each page the kernel hands out must be zeroed first: at 10k entities a cold `taxo build` spent about
/// a tenth of its CPU time there and in returning memory it asked for again moments later (measured: 2.01 s
/// -> 1.83 s; BENCHMARKS.md). The language server and the MCP server run for hours and keep glibc's
/// defaults, which give memory back.
enum BatchMemory {
    static func tune() {
        #if os(Linux)
            // <malloc.h>'s M_TRIM_THRESHOLD, M_TOP_PAD and M_MMAP_THRESHOLD (Glibc's module leaves it out).
            _ = glibcMallopt(-3, 256 << 20)
            _ = glibcMallopt(-1, 1 << 30)
            _ = glibcMallopt(-2, 64 << 20)
        #endif
    }
}

#if os(Linux)
    @_silgen_name("mallopt")
    private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif
