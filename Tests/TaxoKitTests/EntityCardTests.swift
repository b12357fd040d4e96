import Foundation
import Testing

@testable import TaxoKit

/// `taxo show` and `get_entity`: an entity's place in the hierarchy.
@Suite struct EntityCardTests {
    let result = Compiler.compile(root: TestSupport.repoRoot.path, config: TestSupport.defaultConfig)

    func card(_ id: String) throws -> (EntityCard, [String: Any]) {
        let lib = result.library
        let i = try #require(lib.entities.firstIndex { $0.id?.written == id })
        let card = EntityCard(result: result, entity: i)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(card.json().utf8)) as? [String: Any])
        return (card, json)
    }

    func ids(_ list: Any?) -> [String] { (list as? [[String: Any]] ?? []).compactMap { $0["id"] as? String } }

    /// A milestone is under the workflow that lists it and over the tasks of the next level, in ID order;
    /// the text says so in one line, then one line per parent and child.
    @Test func aCardPlacesTheEntityInTheHierarchy() throws {
        let lib = result.library
        let (card, json) = try card("MLS-001")
        let h = try #require(json["hierarchy"] as? [String: Any])
        #expect(h["level"] as? String == "milestone")
        #expect(ids(h["parents"]) == ["WRF-SEC-014"])
        let m = try #require(lib.entities.firstIndex { $0.id?.written == "MLS-001" })
        let tasks = lib.hierarchy.children(of: m).map { lib.displayID(lib.entities[$0]) }.sorted()
        #expect(!tasks.isEmpty && ids(h["children"]) == tasks)
        #expect(h["children_total"] as? Int == tasks.count)
        let text = card.text()
        #expect(
            text.contains(
                "\nHierarchy: milestone, under 1 workflow, over \(tasks.count) tasks (workflow > milestone > task > step)\n"
            ))
        #expect(text.contains("\n  parent: WRF-SEC-014 Secure MCP OAuth 2.1 Implementation (workflow)  "))
        #expect(tasks.allSatisfy { text.contains("\n  child: \($0) ") })
        // The top of the hierarchy has no "under"; a step has no "over".
        #expect(try self.card("WRF-SEC-014").0.text().contains("\nHierarchy: workflow, over 4 milestones ("))
        let step = try #require(lib.entities.first { lib.config.kinds[$0.kind].name == "step" && $0.id != nil })
        let (stepCard, _) = try self.card(try #require(step.id?.written))
        #expect(stepCard.text().contains("\nHierarchy: step, under 1 task ("))
    }

    @Test func aKindOutsideTheHierarchyHasNone() throws {
        let (card, json) = try card("TOL-SEC-124")
        #expect(json["hierarchy"] is NSNull)
        #expect(!card.text().contains("Hierarchy:"))
    }
}
