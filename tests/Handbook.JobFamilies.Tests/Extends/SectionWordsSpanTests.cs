namespace Handbook.JobFamilies.Tests.Extends;

using System.Text.RegularExpressions;
using CsCheck;
using Handbook.JobFamilies.Extends;
using Handbook.JobFamilies.Model;

/// <summary>
/// Issue 9: <see cref="SectionWords.Parse(ReadOnlySpan{char})"/> finds the words without match objects and classifies
/// them without lowering each into a string. It must give the kinds the string version gave (a match collection, each
/// word lowered with <see cref="string.ToLowerInvariant()"/>), also for the Kelvin sign the case-insensitive pattern
/// accepts for 'k' and for words longer than the stack buffer.
/// </summary>
public class SectionWordsSpanTests
{
    private static readonly Regex OldWord = new(@"\b" + SectionWords.Word + @"\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly string[] Pieces =
    [
        "responsibilities", "Responsibilities", "RESPONSIBILITIES", "requirments", "Requirements", "requi", "ments", "kpis", "KPI",
        "\u212APIs", "\u212Api", "pis", "PIS", "performance indicators", "Performance  Indicators", "nice-to-haves", "Nice to have",
        "job descriptions", "Job Description", "duties", "DUTIES", "resp", "bility", "respons", "ilities", "and", ",", " & ", " ", " ",
        "\t", "\n", "the", "of", "Senior", "Manager", "x", "_", "9", "é", "responsib" + new string('x', 70), "requir" + new string('Y', 90),
    ];

    private static readonly Gen<string> Phrases =
        Gen.Int[0, Pieces.Length - 1].Array[0, 12].Select(pieces => string.Join(string.Empty, pieces.Select(p => Pieces[p])));

    [Fact]
    public void Given_generated_phrases_When_parsed_from_a_span_Then_the_kinds_equal_the_string_version_s()
    {
        Phrases.Sample(phrase => OldParse(phrase).SequenceEqual(SectionWords.Parse(phrase.AsSpan())), iter: 20_000);
    }

    [Fact]
    public void Given_a_phrase_inside_a_sentence_When_parsed_from_its_slice_Then_the_kinds_equal_those_of_the_copied_phrase()
    {
        const string sentence = "Extends that of the Senior Manager requirements and \u212APIs, plus:";
        var start = sentence.IndexOf("requirements", StringComparison.Ordinal);
        var end = sentence.IndexOf(',', StringComparison.Ordinal);

        var kinds = SectionWords.Parse(sentence.AsSpan(start, end - start));

        Assert.Equal([SectionKind.Requirements, SectionKind.PerformanceIndicators], kinds);
        Assert.Equal(OldParse(sentence[start..end]), kinds);
    }

    [Theory]
    [InlineData("\u212APIs", SectionKind.PerformanceIndicators)]
    [InlineData("DUTIES", SectionKind.Responsibilities)]
    [InlineData("Nice-to-haves", SectionKind.NiceToHaves)]
    [InlineData("requirements", SectionKind.Requirements)]
    [InlineData("responsibilitiesxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", SectionKind.Responsibilities)]
    [InlineData("roadmap", null)]
    public void Given_one_word_When_classified_from_a_span_Then_the_kind_is_the_string_version_s(string word, SectionKind? expected)
    {
        Assert.Equal(expected, SectionWords.KindOf(word.AsSpan()));
        Assert.Equal(OldKindOf(word), SectionWords.KindOf(word.AsSpan()));
    }

    [Fact]
    public void The_generated_phrases_name_sections_and_no_sections()
    {
        // Guards the oracle test against vacuity: both outcomes, and the Kelvin sign, occur.
        var (some, none) = (0, 0);
        Phrases.Sample(phrase => { _ = OldParse(phrase).Count > 0 ? some++ : none++; }, iter: 5_000, threads: 1);

        Assert.True(some > 1_000 && none > 200, $"with sections {some}, without {none}");
        Assert.Equal([SectionKind.PerformanceIndicators], OldParse("\u212APIs"));
    }

    /// <summary>The string version as it was written before (the oracle).</summary>
    private static List<SectionKind> OldParse(string phrase)
    {
        var kinds = new List<SectionKind>();
        if (string.IsNullOrWhiteSpace(phrase))
        {
            return kinds;
        }

        foreach (Match m in OldWord.Matches(phrase))
        {
            if (OldKindOf(m.Value) is { } k && !kinds.Contains(k))
            {
                kinds.Add(k);
            }
        }

        return kinds;
    }

    private static SectionKind? OldKindOf(string word)
    {
        var w = word.ToLowerInvariant();
        if (w.StartsWith("perf", StringComparison.Ordinal) || w.StartsWith("kpi", StringComparison.Ordinal) || w == "pis")
        {
            return SectionKind.PerformanceIndicators;
        }

        if (w.StartsWith("nice", StringComparison.Ordinal))
        {
            return SectionKind.NiceToHaves;
        }

        if (w.StartsWith("requi", StringComparison.Ordinal))
        {
            return SectionKind.Requirements;
        }

        return w.StartsWith("respons", StringComparison.Ordinal) || w.StartsWith("job", StringComparison.Ordinal) || w == "duties"
            ? SectionKind.Responsibilities
            : null;
    }
}
