namespace Handbook.JobFamilies.Tests.Extends;

using Handbook.JobFamilies.Model;
using Xunit.Abstractions;

public class ExpandExtendsTests(ITestOutputHelper output)
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
    public void Dump()
    {
        var f = ExtendsFixture.RunPage(Ladder);
        foreach (var d in f.Diagnostics)
        {
            output.WriteLine(d.ToString());
        }

        foreach (var r in f.Family.Roles)
        {
            output.WriteLine($"{r.Kind} {r.Name} #{r.Anchor} {r.StartLine}-{r.EndLine} ext={string.Join(",", r.Extends.Select(e => e.Role))}");
            foreach (var s in r.Sections)
            {
                output.WriteLine($"   {s.Kind} {s.Title} items={s.Items.Count}");
            }
        }

        output.WriteLine(f.Html);
    }

    [Fact]
    public void A_level_inherits_the_items_of_the_level_it_extends_transitively()
    {
        var f = ExtendsFixture.RunPage(Ladder);

        Assert.Empty(f.Diagnostics);
        Assert.Equal(
            ["[Widget Analyst (Intermediate)] Count the widgets", "[Widget Analyst (Intermediate)] Report the count", "[Senior Widget Analyst] Coach other analysts", "Extends the Senior Widget Analyst responsibilities", "Set the counting strategy"],
            f.ItemTexts("Staff Widget Analyst", SectionKind.Responsibilities));
    }
}
