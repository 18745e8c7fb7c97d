namespace Handbook.JobFamilies.Tests.Extends;

using Handbook.JobFamilies.Model;

public class ExpandExtendsTests
{
    private const string Ladder = """
        ---
        title: Widget Analyst
        ---

        ## Levels

        ### Widget Analyst (Intermediate)

        #### Widget Analyst (Intermediate) Responsibilities

        * Count the widgets
        * Report the count

        #### Widget Analyst (Intermediate) Requirements

        * Can count

        ### Senior Widget Analyst

        #### Senior Widget Analyst Responsibilities

        * Extends the Widget Analyst (Intermediate) responsibilities
        * Coach other analysts

        #### Senior Widget Analyst Requirements

        * Extends the Widget Analyst (Intermediate) requirements
        * Five years of counting

        ### Staff Widget Analyst

        #### Staff Widget Analyst Responsibilities

        * Extends the Senior Widget Analyst responsibilities
        * Set the counting strategy
        """;

    [Fact]
    public void A_level_inherits_the_items_of_the_level_it_extends_transitively()
    {
        var f = ExtendsFixture.RunPage(Ladder);

        Assert.Empty(f.Diagnostics);
        Assert.Equal(
            ["Extends the Senior Widget Analyst responsibilities", "[Widget Analyst (Intermediate)] Count the widgets", "[Widget Analyst (Intermediate)] Report the count", "[Senior Widget Analyst] Coach other analysts", "Set the counting strategy"],
            f.ItemTexts("Staff Widget Analyst", SectionKind.Responsibilities));
    }
}
