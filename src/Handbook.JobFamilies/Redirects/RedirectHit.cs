namespace Handbook.JobFamilies.Redirects;

/// <summary>The entry (and which of its sources) that matched a path.</summary>
public sealed record RedirectHit(RedirectEntry Entry, RedirectSource Source)
{
    public string Target => Entry.Target;
}
