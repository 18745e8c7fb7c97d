namespace Handbook.JobFamilies;

using Handbook.Pipeline;

/// <summary>
/// Adds the job-families stages to a site in one call, in the order the passes depend on each other:
/// read front matter → expand ERB → parse → resolve grades → expand extends → check links → render body HTML.
/// The app adds reading before and the theme after.
/// </summary>
public static class JobFamiliesPlugin
{
    public static Site AddJobFamilies(this Site site, JobFamiliesOptions options)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(options);
        site.Services.Add(options);
        return site;
    }
}
