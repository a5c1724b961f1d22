extension Stylesheet {
    /// The overview's heat map shades and line charts; the counts and labels carry the meaning, not the colour.
    static let overviewCSS = """
        .heat td { text-align: center; font-variant-numeric: tabular-nums; font-weight: 600; }
        .heat .heat-0 { background: #fff; color: var(--muted); font-weight: 400; }
        .heat .heat-1 { background: #e0f2f1; }
        .heat .heat-2 { background: #a6d8d4; }
        .heat .heat-3 { background: #4ea8a3; color: #fff; }
        .heat .heat-4 { background: #1d6f72; color: #fff; }
        .initiative { margin: 1.5rem 0; }
        .initiative h3 { font-size: 1.05rem; margin: 0 0 .5rem; }
        svg.trend { display: block; max-width: 100%; height: auto; }
        svg.trend .grid { stroke: var(--line); stroke-width: 1; }
        svg.trend .axis { fill: var(--muted); font-size: 11px; }
        svg.trend polyline { fill: none; stroke-width: 2; }
        svg.trend .line-overall { stroke: var(--accent); }
        svg.trend .line-recommended { stroke: #b44d12; stroke-dasharray: 6 4; }
        svg.trend .point-overall { fill: var(--accent); }
        svg.trend .point-recommended { fill: none; stroke: #b44d12; stroke-width: 2; }
        .legend { color: var(--muted); font-size: .9rem; margin: .25rem 0; }
        .level-key { display: none; }
        .trend-numbers { max-width: 36rem; }
        .readings td { text-align: right; font-variant-numeric: tabular-nums; }
        .readings td:nth-child(2) { text-align: left; }
        .readings tr.confusing th, .readings tr.confusing td:last-child { font-weight: 700; color: #b44d12; }
        """
}
