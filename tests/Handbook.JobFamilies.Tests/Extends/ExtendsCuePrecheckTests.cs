namespace Handbook.JobFamilies.Tests.Extends;

using System.Text.RegularExpressions;
using CsCheck;
using Handbook.JobFamilies.Extends;
using Handbook.JobFamilies.Parsing;
using Handbook.Testing;
using Markdig.Syntax;

/// <summary>
/// Issue 9: <see cref="ExtendsRecognizer.MayHoldStatement"/> decides "no cue word" on a paragraph's inlines without
/// building its <see cref="LinkedText"/>. It must agree with the cue test the recogniser ran before (the cue pattern
/// over the flattened, collapsed text) on every paragraph and heading: generated Markdown mixing emphasis, links, code,
/// line breaks, curly quotes, dashes and odd whitespace around the cue words, and every page of the sample and real corpus.
/// </summary>
public class ExtendsCuePrecheckTests
{
    private static readonly Regex OldCue = new(
        // "include(s|d)" since hugo20c's includes-linked-sections wording, "meet" since hugo20a's must-meet-sections-for wording,
        // "match(es)" since hugo24a's sections-extend-those-of wording ("… requirements match those of …").
        @"\bextends?\b|\bplus\b|\bsame\b|\ball\b|\beverything\b|\binherits\b|\bin\s+addition\b|\binclude[sd]?\b|\bmeet\b|\bmatch(?:es)?\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex Words = new("[A-Za-z]+", RegexOptions.CultureInvariant);

    private static readonly string[] Pieces =
    [
        "Extends", "ext", "ends", "Exends", "nds", "extent", "extend", "Plus", "plus", "sAme", "all", "ALL", "every", "thing", "everything", "inherits", "Includes", "includ", "ed", "in", "In",
        "addition", "Addition", "additional", "overall", "surplus", "extended", "*", "**", "_", "`", "[", "](#x)", "](/a/b)", "<span>",
        "</span>", "&amp;", "&nbsp;", "\u00A0", "\t", "  ", " ", " ", " ", "\n", "  \n", "\u2019", "\u201C", "\u2014", "-", ",", ".", ":",
        "'", "\"", "Senior Manager", "role", "x_y", "9", "café", "\u212Aey", "![img](/i.png)", "<https://e.example/all>",
    ];

    private static readonly Gen<string> Paragraphs =
        Gen.Select(Gen.Int[0, Pieces.Length - 1].Array[1, 16], Gen.Int[0, 4], (pieces, lead) =>
            (lead switch { 0 => "- ", 1 => "## ", 2 => "1. ", _ => string.Empty }) + string.Concat(pieces.Select(p => Pieces[p])));

    [Fact]
    public void The_precheck_agrees_with_the_cue_pattern_on_generated_paragraphs()
    {
        Paragraphs.Sample(markdown => LeavesOf(markdown).All(Agrees), iter: 20_000);
    }

    [Fact]
    public void The_generated_paragraphs_hold_cues_and_no_cues()
    {
        // Guards the test above against vacuity: both answers occur, also for cues split by markup.
        var (yes, no) = (0, 0);
        Paragraphs.Sample(
            markdown =>
            {
                foreach (var leaf in LeavesOf(markdown))
                {
                    _ = ExtendsRecognizer.MayHoldStatement(leaf.Inline) ? yes++ : no++;
                }
            },
            iter: 5_000,
            threads: 1);

        Assert.True(yes > 1_000 && no > 1_000, $"cue {yes}, no cue {no}");
    }

    [Fact]
    public void A_cue_word_split_by_emphasis_still_counts_as_the_flattened_text_does()
    {
        var leaf = LeavesOf("- **Ext**ends the Senior Manager responsibilities").Single();

        Assert.True(ExtendsRecognizer.MayHoldStatement(leaf.Inline));
        Assert.True(Agrees(leaf));
    }

    [Fact]
    public void Every_paragraph_of_the_sample_pages_agrees() =>
        AssertPagesAgree(Directory.EnumerateFiles(Path.Combine(SharedCorpus.RepositoryRoot, "input"), "*.md", SearchOption.AllDirectories));

    [CorpusFact]
    public void Every_paragraph_of_the_real_pages_agrees() =>
        AssertPagesAgree(Directory.EnumerateFiles(SharedCorpus.PathOf("gitlab-job-families"), "*.md", SearchOption.AllDirectories));

    private static void AssertPagesAgree(IEnumerable<string> pages)
    {
        foreach (var page in pages)
        {
            foreach (var leaf in LeavesOf(File.ReadAllText(page)))
            {
                Assert.True(Agrees(leaf), $"{page}:{leaf.Line + 1}");
            }
        }
    }

    private static bool Agrees(LeafBlock leaf) =>
        ExtendsRecognizer.MayHoldStatement(leaf.Inline) == HoldsCue(LinkedText.FromInlines(leaf.Inline).Text);

    /// <summary>A cue word, or (since EXTENDS004) a word one slip away from "extend(s)" in the flattened text.</summary>
    private static bool HoldsCue(string text) =>
        OldCue.IsMatch(text) || Words.Matches(text).Any(w => MisspeltVerb.Intended(w.Value) is not null);

    private static IEnumerable<LeafBlock> LeavesOf(string markdown) =>
        JobFamilyMarkdown.Parse(markdown, ExtendsFixture.Pipeline).Descendants<LeafBlock>().Where(l => l.Inline is not null).ToList();
}
