namespace Handbook.JobFamilies.Extends;

using System.Diagnostics.CodeAnalysis;
using Handbook.JobFamilies.Model;

/// <summary>Finds other job families for statements that link to them (<c>/job-families/…</c> or the about.gitlab.com form).</summary>
public interface IFamilyLookup
{
    /// <summary>The family a URL points at (anchor and host ignored), or false.</summary>
    bool TryGet(string url, [NotNullWhen(true)] out JobFamily? family);
}
