namespace Handbook.JobFamilies.Extends;

using Markdig.Syntax;

/// <summary>One inherited bullet of an <see cref="InheritedBulletRun"/>: the bullet as written on its page, and its origin.</summary>
/// <param name="Source">The bullet as written on its page (only paragraphs: <see cref="InheritedBulletRun.CanShow"/>).</param>
/// <param name="Origin">Where it comes from, as seen from the page it is shown in.</param>
public readonly record struct ShownBullet(ListItemBlock Source, InheritedOrigin Origin);
