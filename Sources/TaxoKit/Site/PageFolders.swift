import Foundation

/// The site's folders, each opened once: a page is created relative to its folder (`openat`), so the
/// kernel does not walk the output folder's path again for each of thousands of pages. A folder is made
/// by the first page written into it (pages are written on every core: the map of open folders is locked).
final class PageFolders: @unchecked Sendable {
    let outDir: String
    /// Folder (relative to `outDir`, "" for it) -> its open descriptor.
    private let opened = Locked<[Substring: Int32]>([:])

    init(_ outDir: String) { self.outDir = outDir }

    deinit {
        opened.withLock { folders in
            for fd in folders.values { close(fd) }
            folders = [:]
        }
    }

    /// Creates (or empties) a page for writing; its descriptor, which the caller closes.
    func create(_ page: String) throws -> Int32 {
        let slash = page.lastIndex(of: "/")
        let folder = slash.map { page[..<$0] } ?? ""
        let name = slash.map { String(page[page.index(after: $0)...]) } ?? page
        let dir = try descriptor(folder)
        let fd = openat(dir, name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileWriter.failure(outDir + "/" + page) }
        return fd
    }

    /// A folder's descriptor, the folder made when it is missing.
    private func descriptor(_ folder: Substring) throws -> Int32 {
        try opened.withLock { folders in
            if let fd = folders[folder] { return fd }
            let path = folder.isEmpty ? outDir : outDir + "/" + folder
            try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard fd >= 0 else { throw FileWriter.failure(path) }
            folders[folder] = fd
            return fd
        }
    }
}
