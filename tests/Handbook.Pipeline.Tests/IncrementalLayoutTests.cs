namespace Handbook.Pipeline.Tests;

using System.Globalization;
using CsCheck;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;
using Handbook.Pipeline.Tests.Support;

/// <summary>
/// Issue 9: an incremental run finds the documents to recompute, merges each stage's output and collects the
/// dependencies through the stages' layouts, in time proportional to what it recomputes. The oracle is the same run
/// looking at every document of every stage (<c>Site.UsesStageLayouts = false</c>, the engine before this change): for
/// any chain of edits both give the same documents, diagnostics, recomputed paths and dependents, and so does a full run.
/// </summary>
public sealed class IncrementalLayoutTests
{
    private const int PageCount = 6;

    // One edit: which page, and what happens to it (title, body, extends target, warning), or the theme changes.
    private static readonly Gen<(int Page, int Kind, int Value)[]> Edits =
        Gen.Select(Gen.Int[0, PageCount - 1], Gen.Int[0, 4], Gen.Int[0, PageCount]).Array[1, 3];

    private static readonly Gen<(int Page, int Kind, int Value)[][]> Chains = Edits.Array[1, 4];

    [Fact]
    public void Given_any_chain_of_edits_When_run_incrementally_with_layouts_Then_every_run_equals_the_run_that_looks_at_every_document()
    {
        Chains.Sample(chain =>
        {
            var fast = new Chain(usesLayouts: true);
            var slow = new Chain(usesLayouts: false);
            foreach (var edits in chain)
            {
                var withLayouts = fast.Next(edits);
                var everyDocument = slow.Next(edits);

                Assert.True(withLayouts.WasIncremental, withLayouts.FullRebuildReason);
                Assert.Equal(Shape(everyDocument), Shape(withLayouts));
                Assert.Equal(everyDocument.Diagnostics.Select(d => d.ToString()), withLayouts.Diagnostics.Select(d => d.ToString()));
                Assert.Equal(everyDocument.Recomputed.Order(StringComparer.Ordinal), withLayouts.Recomputed.Order(StringComparer.Ordinal));
                Assert.Equal(everyDocument.RecomputedFrom.OrderBy(kv => kv.Key, StringComparer.Ordinal), withLayouts.RecomputedFrom.OrderBy(kv => kv.Key, StringComparer.Ordinal));
                Assert.Equal(Dependents(everyDocument), Dependents(withLayouts));
                Assert.Equal(Shape(fast.FullRun()), Shape(withLayouts));
            }
        }, iter: 60);
    }

    [Fact]
    public void Given_an_edit_of_one_page_When_run_with_layouts_Then_the_per_document_stages_are_given_only_the_recomputed_documents()
    {
        // Given a first run of six pages
        var chain = new Chain(usesLayouts: true);

        // When one page's body changes, twice (the second run uses the layouts the first incremental run handed on)
        chain.Next([(2, 1, 0)]);
        chain.Log.Clear();
        var result = chain.Next([(2, 1, 1)]);

        // Then only that page was parsed again, and the result is a full run's
        Assert.True(result.WasIncremental, result.FullRebuildReason);
        Assert.Equal(["p2.md"], chain.Log.Of(nameof(ParsePage)));
        Assert.Equal(Shape(chain.FullRun()), Shape(result));
    }

    private static List<(string SourcePath, string? Destination, string Content)> Shape(BuildResult result) =>
        result.Documents.Select(d => (d.SourcePath, d.Destination, d.Content)).ToList();

    // The record's dependents per input, in any order (the order in a list does not matter to the plan), duplicates counted.
    private static List<string> Dependents(BuildResult result) =>
        result.Record!.Dependents
            .SelectMany(kv => kv.Value.Select(d => string.Create(CultureInfo.InvariantCulture, $"{kv.Key} <- {d.SourcePath} @{d.DeclaredAt} from {d.RecomputeFrom}")))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Six pages through per-document and whole-set stages with dependencies, run again after each set of edits.</summary>
    private sealed class Chain
    {
        private readonly bool _usesLayouts;
        private readonly string[] _texts = Enumerable.Range(0, PageCount).Select(i => Text(i, 0, i == 4 ? 5 : i, warn: i == 3)).ToArray();
        private string _theme = "<t0>";
        private BuildResult _last;

        public Chain(bool usesLayouts)
        {
            _usesLayouts = usesLayouts;
            _last = Compose().RunAsync(Pages()).GetAwaiter().GetResult();
        }

        public ProcessedLog Log { get; } = new();

        public BuildResult Next((int Page, int Kind, int Value)[] edits)
        {
            var changed = new List<string>();
            foreach (var (page, kind, value) in edits)
            {
                var (title, body, target, warn) = Parts(_texts[page]);
                switch (kind)
                {
                    case 0: title = "Title " + value.ToString(CultureInfo.InvariantCulture); break;
                    case 1: body = "body " + value.ToString(CultureInfo.InvariantCulture); break;
                    case 2: target = value; break;
                    case 3: warn = !warn; break;
                    default: _theme = "<t" + value.ToString(CultureInfo.InvariantCulture) + ">"; changed.Add(RenderWithTheme.ThemeInput); continue;
                }

                _texts[page] = string.Join('\n', title, body, "extends p" + target.ToString(CultureInfo.InvariantCulture) + ".md") + (warn ? "\nWARN" : string.Empty);
                changed.Add(PathOf(page));
            }

            _last = Compose().RunAsync(Pages(), _last, changed.Distinct().ToList()).GetAwaiter().GetResult();
            return _last;
        }

        public BuildResult FullRun() => Compose().RunAsync(Pages()).GetAwaiter().GetResult();

        private Site Compose() =>
            new Site { MaxDegreeOfParallelism = 2, UsesStageLayouts = _usesLayouts }.AddStages(
                new Shout(),
                new ParsePage(Log),
                new ResolveExtends(Log),
                new ShowNextTitle(Log),
                new RenderWithTheme(Log, () => _theme),
                new Shout { StageName = "ShoutAgain" });

        private List<Document> Pages() =>
            _texts.Select((text, i) => new Document(PathOf(i), null, text, Metadata.Empty)).ToList();

        private static string PathOf(int page) => "p" + page.ToString(CultureInfo.InvariantCulture) + ".md";

        private static string Text(int page, int body, int target, bool warn) =>
            string.Join('\n', "Title " + page.ToString(CultureInfo.InvariantCulture), "body " + body.ToString(CultureInfo.InvariantCulture), "extends p" + target.ToString(CultureInfo.InvariantCulture) + ".md") + (warn ? "\nWARN" : string.Empty);

        private static (string Title, string Body, int Target, bool Warn) Parts(string text)
        {
            var lines = text.Split('\n');
            return (lines[0], lines[1], int.Parse(lines[2]["extends p".Length..^".md".Length], CultureInfo.InvariantCulture), lines.Length > 3);
        }
    }

    /// <summary>A per-document stage: upper-cases the body lines, keeps the first line (the title) and the extends line.</summary>
    private sealed class Shout : PerDocumentStage
    {
        public string StageName { get; init; } = nameof(Shout);

        public override string Name => StageName;

        protected override Document? Process(Document document, StageContext context) =>
            document with { Content = document.Content.Replace("body", "BODY", StringComparison.Ordinal) };
    }
}
