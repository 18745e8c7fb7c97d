namespace Handbook.JobFamilies.Hugo;

/// <summary>What looking a <c>ref</c>/<c>relref</c> path up among the input's pages found (<see cref="HugoRef.Lookup"/>).</summary>
public enum HugoRefOutcome
{
    /// <summary>A page of the input: next to the page, from the input folder, or the one page with that name.</summary>
    Found,

    /// <summary>No page of the input, but a path that says where it is (written from '/', or with folders): its URL, for the link check to judge.</summary>
    Unchecked,

    /// <summary>A bare name (no '/') that no page of the input has: Hugo finds it elsewhere in the handbook, this site cannot.</summary>
    NotInInput,

    /// <summary>A bare name that several pages of the input have: Hugo fails the build ("is ambiguous").</summary>
    Ambiguous,

    /// <summary>No path, or a path that climbs above the input folder.</summary>
    Invalid,
}
