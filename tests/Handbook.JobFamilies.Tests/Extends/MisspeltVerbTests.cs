namespace Handbook.JobFamilies.Tests.Extends;

using Handbook.JobFamilies.Extends;
using Handbook.JobFamilies.Model;

/// <summary>
/// "Exends that of the Senior X requirements" (three statements of the real pages): a misspelt verb is read as
/// "extends" when the corrected text is a statement, with an EXTENDS004 warning; prose and real words stay text.
/// </summary>
public class MisspeltVerbTests
{
    [Theory]
    [InlineData("* Exends that of the Senior Widget Analyst requirements", "Exends", "Senior Widget Analyst", "Requirements")]
    [InlineData("* Extneds the Widget Analyst (Intermediate) responsibilities.", "Extneds", "Widget Analyst (Intermediate)", "Responsibilities")]
    [InlineData("* Extendes the [Senior Director, Widgets](#senior-director-widgets) responsibilities", "Extendes", "Senior Director, Widgets -> #senior-director-widgets", "Responsibilities")]
    [InlineData("- exends that of the Lead Widget Planner", "exends", "Lead Widget Planner", "")]
    public void Given_a_statement_whose_verb_is_one_slip_away_When_recognised_Then_it_inherits_and_remembers_the_word(string item, string written, string target, string sections)
    {
        var s = ExtendsRecognizer.TryRecognize(item);

        Assert.NotNull(s);
        Assert.Equal(written, s.MisspeltVerb);
        Assert.Equal(target, string.Join(" & ", s.Targets.Select(t => t.ToString())));
        Assert.Equal(sections, string.Join(",", s.Sections));
        Assert.StartsWith(written, s.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("* Exends our reach into new markets")]
    [InlineData("* The extent of travel depends on the Senior Widget Analyst role")]
    [InlineData("* Expends the budget of the Widget Analyst responsibilities")]
    [InlineData("* Extents of the Senior Widget Analyst requirements")]
    [InlineData("* Exceeds the Senior Widget Analyst requirements")]
    public void Given_prose_or_a_real_word_When_recognised_Then_it_is_no_statement(string item) =>
        Assert.Null(ExtendsRecognizer.TryRecognize(item));

    [Fact]
    public void Given_a_correctly_spelt_statement_When_recognised_Then_no_misspelling_is_recorded()
    {
        var s = ExtendsRecognizer.TryRecognize("* Extends that of the Senior Widget Analyst requirements");

        Assert.NotNull(s);
        Assert.Null(s.MisspeltVerb);
    }

    [Theory]
    [InlineData("Exends", "extends")]
    [InlineData("EXTNEDS", "extends")]
    [InlineData("extned", "extend")]
    [InlineData("extendd", "extend")]
    [InlineData("xetends", "extends")]
    [InlineData("extends", null)]
    [InlineData("extend", null)]
    [InlineData("extent", null)]
    [InlineData("extents", null)]
    [InlineData("expends", null)]
    [InlineData("extended", null)]
    [InlineData("attends", null)]
    [InlineData("ends", null)]
    public void The_word_meant_is_the_verb_one_edit_away_and_never_a_real_word(string word, string? meant) =>
        Assert.Equal(meant, MisspeltVerb.Intended(word));

    // The rule as it was before the cheap filters (the distances alone): the oracle.
    private static string? IntendedByDistances(string word)
    {
        var lower = word.ToLowerInvariant();
        if (lower.Length is < 5 or > 8 || lower is "extends" or "extend" or "extent" or "extents" or "expend" or "expends" or "extern")
        {
            return null;
        }

        var toExtends = Handbook.JobFamilies.Text.DamerauLevenshtein.Distance(lower, "extends");
        var toExtend = Handbook.JobFamilies.Text.DamerauLevenshtein.Distance(lower, "extend");
        return toExtends > 1 && toExtend > 1 ? null
            : toExtends < toExtend || (toExtends == toExtend && lower[^1] == 's') ? "extends" : "extend";
    }

    // Every word one or two edits (insertion, deletion, substitution, swap of neighbours) from "extends" or "extend".
    private static IEnumerable<string> Edits(string word, string letters)
    {
        for (var i = 0; i <= word.Length; i++)
        {
            foreach (var c in letters)
            {
                yield return word[..i] + c + word[i..];
                if (i < word.Length)
                {
                    yield return word[..i] + c + word[(i + 1)..];
                }
            }

            if (i < word.Length)
            {
                yield return word[..i] + word[(i + 1)..];
            }

            if (i + 1 < word.Length)
            {
                yield return word[..i] + word[i + 1] + word[i] + word[(i + 2)..];
            }
        }
    }

    [Fact]
    public void Given_every_word_two_edits_from_the_verb_and_common_words_When_checked_Then_the_cheap_filters_answer_as_the_distances_do()
    {
        const string letters = "extndsiaorz";
        var words = new[] { "extends", "extend" }
            .SelectMany(verb => Edits(verb, letters))
            .SelectMany(once => Edits(once, letters).Prepend(once))
            .Concat(["ensure", "enable", "engineer", "entends", "etends", "ertend", "extent", "attend", "tends", "eetend", "Exends", "EXTNEDS"])
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Assert.True(words.Count > 10000, $"{words.Count} words");
        Assert.All(words, word => Assert.Equal(IntendedByDistances(word), MisspeltVerb.Intended(word)));
    }

    [Fact]
    public void Correcting_keeps_the_case_of_each_first_letter_and_the_rest_of_the_text()
    {
        var corrected = MisspeltVerb.Correct("Exends [the role](#r) and it exends: done");

        Assert.NotNull(corrected);
        Assert.Equal("Extends [the role](#r) and it extends: done", corrected.Value.Text);
        Assert.Equal("Exends", corrected.Value.Misspelt);
        Assert.Null(MisspeltVerb.Correct("Extends the role to the extent possible"));
    }

    [Fact]
    public void Given_a_level_with_a_misspelt_statement_When_expanded_Then_it_inherits_with_an_EXTENDS004_warning_at_the_statement()
    {
        var f = ExtendsFixture.RunPage("""
            ## Levels

            ### Widget Analyst (Intermediate)

            #### Requirements

            * Counts widgets

            ### Senior Widget Analyst

            #### Requirements

            * Exends that of the Widget Analyst (Intermediate) requirements
            * Counts fast
            """);

        var d = Assert.Single(f.Diagnostics);
        Assert.Equal("EXTENDS004", d.Code);
        Assert.Equal(Handbook.Pipeline.Diagnostics.Severity.Warning, d.Severity);
        Assert.Equal("job-families/sales/widget-analyst.md:13:3", d.Location.ToString());
        Assert.Equal("'Exends' is read as 'Extends': the statement inherits as if it were spelt right", d.Message);
        Assert.Equal("did you mean 'Extends'?", d.Hint);
        Assert.Contains("[Widget Analyst (Intermediate)] Counts widgets", f.ItemTexts("Senior Widget Analyst", SectionKind.Requirements));
    }
}
