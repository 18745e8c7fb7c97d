namespace Handbook.Site.Compare;

using Handbook.JobFamilies.Model;

/// <summary>
/// One row of a side-by-side comparison: the same bullet in both levels (<see cref="IsShared"/>, typically one the
/// right level inherits from the left), or a bullet only one of them has.
/// </summary>
public sealed record ComparedRow(Item? Left, Item? Right)
{
    public bool IsShared => Left is not null && Right is not null;
}
