namespace Handbook.JobFamilies.Extends;

using System.Diagnostics.CodeAnalysis;
using Handbook.JobFamilies.Model;

/// <summary>Finds other job families for statements that link to them (<c>/job-families/…</c> or the about.gitlab.com form).</summary>
public interface IFamilyLookup
{
    /// <summary>The family a URL points at (anchor and host ignored), or false.</summary>
    bool TryGet(string url, [NotNullWhen(true)] out JobFamily? family);

    /// <summary>
    /// Called when a statement's role name is searched on every other page known to the resolver (a role on another
    /// page found by name alone): a lookup over part of the site (<see cref="BatchFamilyLookup"/>) learns that the
    /// answer may depend on a page it does not hold. Nothing to do for a lookup over the whole site.
    /// </summary>
    void NoteSearchOfOtherPages()
    {
    }
}
