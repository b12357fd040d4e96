import Foundation
import Testing

@testable import TaxoKit

@Suite struct SubprocessTests {
    /// Programs started together from many threads each get their input to its end: none inherits the pipe
    /// of another (which kept two `git cat-file --batch` waiting for each other's input forever). Run on a
    /// thread of its own, so a deadlock fails the test after a minute instead of hanging the run.
    @Test func programsStartedTogetherEachReadTheirWholeInput() {
        let outputs = Locked([Int: [UInt8]]())
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            DispatchQueue.concurrentPerform(iterations: 48) { i in
                let input = Array("input \(i)\n".utf8) + [UInt8](repeating: UInt8(65 + i % 26), count: 1000 * i)
                let r = Subprocess.run(["cat"], input: input)
                outputs.withLock { $0[i] = r?.status == 0 && r?.out == input ? [1] : [] }
            }
            done.signal()
        }
        guard done.wait(timeout: .now() + 60) == .success else {
            Issue.record("programs started together waited for each other")
            return
        }
        let ok = outputs.withLock { $0.values.filter { $0 == [1] }.count }
        #expect(ok == 48)
    }
}
