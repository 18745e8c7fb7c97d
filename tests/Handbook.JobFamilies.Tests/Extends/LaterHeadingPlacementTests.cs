namespace Handbook.JobFamilies.Tests.Extends;

/// <summary>
/// A specialty written level by level ("### Gears" › "#### Gear Analyst (Gears) Responsibilities" › "#### Gear Manager
/// (Gears)" › "#### Senior Gear Manager (Gears) Responsibilities"): a statement under a later heading gets the
/// inherited bullets right after it, not at the top of the specialty's first Responsibilities list, where they were
/// shown as the analyst's (hugo20b, sales/sales-operations).
/// </summary>
public class LaterHeadingPlacementTests
{
    private const string Page = """
        ---
        title: Gear Operations
        ---

        ## Levels

        ### Gear Manager

        #### Gear Manager Responsibilities

        - Runs the gear team

        ### Senior Gear Manager

        #### Senior Gear Manager Responsibilities

        - Runs several gear teams

        ## Specialties

        ### Gears

        #### Gear Analyst (Gears) Responsibilities

        - Counts the gears

        #### Gear Manager (Gears)

        - Extends that of the Gear Manager
        - Knows every gear

        #### Senior Gear Manager (Gears) Responsibilities

        - Extends that of the Senior Gear Manager Responsibilities
        - Orders new gears
        """;

    [Fact]
    public void Inherited_bullets_follow_their_statement_under_its_own_heading()
    {
        var f = ExtendsFixture.RunPage(Page);
        var html = f.Html;

        Assert.Empty(f.Diagnostics);
        var analyst = html.IndexOf("Counts the gears", StringComparison.Ordinal);
        var managerHeading = html.IndexOf("Gear Manager (Gears)</h4>", StringComparison.Ordinal);
        var managerStatement = html.IndexOf("Extends that of the Gear Manager<", StringComparison.Ordinal);
        var runsTeam = html.LastIndexOf("Runs the gear team", StringComparison.Ordinal);
        var knows = html.IndexOf("Knows every gear", StringComparison.Ordinal);
        var seniorStatement = html.IndexOf("Extends that of the Senior Gear Manager Responsibilities", StringComparison.Ordinal);
        var runsSeveral = html.LastIndexOf("Runs several gear teams", StringComparison.Ordinal);
        var orders = html.IndexOf("Orders new gears", StringComparison.Ordinal);

        Assert.True(analyst < managerHeading && managerHeading < managerStatement, html);
        Assert.True(managerStatement < runsTeam && runsTeam < knows, "the Gear Manager's bullet follows its statement, not the analyst's list");
        Assert.True(seniorStatement < runsSeveral && runsSeveral < orders, "the Senior Gear Manager's bullet follows its statement");
        Assert.DoesNotContain("inherited", html[analyst..managerHeading], StringComparison.Ordinal);
    }
}
