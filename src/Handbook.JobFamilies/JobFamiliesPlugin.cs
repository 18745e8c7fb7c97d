namespace Handbook.JobFamilies;

using Handbook.JobFamilies.Extends;
using Handbook.JobFamilies.Kramdown;
using Handbook.JobFamilies.Mermaid;
using Handbook.JobFamilies.Parsing;
using Handbook.JobFamilies.Stages;
using Handbook.Pipeline;
using Handbook.Pipeline.Stages;
using Markdig;

/// <summary>
/// Adds the job-families stages to a site in one call, in the order the passes depend on each other:
/// read front matter → expand ERB → parse → check kramdown → check content safety → resolve grades → expand
/// extends → add grade badges → render (and sanitise) body HTML; with <see cref="JobFamiliesOptions.FamiliesPerBatch"/>
/// the stages from parsing on run a batch of pages at a time (<see cref="ProcessFamiliesInBatches"/>).
/// The app adds reading before and the theme after. One Markdig pipeline (kramdown syntax, extends rendering,
/// Mermaid, plus <see cref="JobFamiliesOptions.MarkdownExtensions"/>) is shared by parsing and rendering and
/// registered as a service for later passes.
/// </summary>
public static class JobFamiliesPlugin
{
    public static Site AddJobFamilies(this Site site, JobFamiliesOptions options)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(options);
        var pipeline = CreatePipeline(options);
        site.Services.Add(options);
        site.Services.Add(pipeline);

        site.AddStage(new ReadFrontMatter(options.ReleasesSourceText));
        site.AddStage(new ExpandErb());
        IStage[] perFamily =
        [
            new ParseJobFamilies(new JobFamilyParser(pipeline)),
            new CheckKramdownSyntax(),
            new CheckContentSafety(),
            new ResolveGrades(options.GradesDataPath),
            new ExpandExtendsStatements(),
            new AddGradeBadges(),
            new RenderBodyHtml(pipeline, options.ReleasesSyntaxTrees, options.KeepsBodyHtmlAsUtf8, options.DefersBodyHtml),
        ];
        if (options.FamiliesPerBatch > 0 && options.ReleasesSyntaxTrees && options.DefersBodyHtml)
        {
            site.AddStage(new ProcessFamiliesInBatches(pipeline, options.GradesDataPath, perFamily, options.FamiliesPerBatch, options.SmallestBatchedSite, options.BatchOutputs, options.TextSpool));
        }
        else
        {
            site.AddStages(perFamily);
        }

        return site;
    }

    /// <summary>The site's Markdig pipeline: the parser's base plus the passes' syntax and renderers.</summary>
    public static MarkdownPipeline CreatePipeline(JobFamiliesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return JobFamilyMarkdown.CreatePipeline([new KramdownExtension(), new ExtendsMarkdownExtension(), new MermaidExtension(), .. options.MarkdownExtensions]);
    }
}
