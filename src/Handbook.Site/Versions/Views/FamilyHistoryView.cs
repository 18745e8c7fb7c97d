namespace Handbook.Site.Versions.Views;

/// <summary>
/// The "last changed" block of a current page (<c>family.history</c>; null without history): the date of its
/// newest version (from git) and its history page.
/// </summary>
public sealed record FamilyHistoryView(string LastChanged, string LastChangedIso, string HistoryUrl, int VersionCount);
