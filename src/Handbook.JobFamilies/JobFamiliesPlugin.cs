namespace Handbook.JobFamilies;

using Handbook.JobFamilies.Parsing;
using Handbook.JobFamilies.Stages;
using Handbook.Pipeline;

/// <summary>
/// Adds the job-families stages to a site in one call, in the order the passes depend on each other:
/// read front matter → expand ERB → parse → (resolve grades → expand extends → check links) → render body HTML.
/// The app adds reading before and the theme after. One Markdig pipeline (with <see cref="JobFamiliesOptions.MarkdownExtensions"/>)
/// is shared by parsing and rendering and registered as a service for later passes.
/// </summary>
public static class JobFamiliesPlugin
{
    public static Site AddJobFamilies(this Site site, JobFamiliesOptions options)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(options);
        var pipeline = JobFamilyMarkdown.CreatePipeline(options.MarkdownExtensions);
        site.Services.Add(options);
        site.Services.Add(pipeline);

        site.AddStage(new ReadFrontMatter());
        site.AddStage(new ExpandErb());
        site.AddStage(new ParseJobFamilies(new JobFamilyParser(pipeline)));
        site.AddStage(new RenderBodyHtml(pipeline));
        return site;
    }
}
