// Small SVG charts drawn by our own code (no library, nothing fetched): grouped bars with a value axis, and a route
// of stops. Every text goes in as textContent. Colours: marks ≥ 3:1 against white (WCAG AA for graphics).
"use strict";
const Charts = (() => {
  const ns = "http://www.w3.org/2000/svg";
  const colours = { primary: "#1d5b99", secondary: "#b35c00", over: "#b3261e", done: "#16713b", expected: "#8a5a00", skipped: "#5f6b77", axis: "#5f6b77" };

  function el(name, attributes, text) {
    const node = document.createElementNS(ns, name);
    for (const [k, v] of Object.entries(attributes ?? {})) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function niceMax(value) {
    if (value <= 5) return 5;
    const magnitude = 10 ** Math.floor(Math.log10(value));
    for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= value) return step * magnitude;
    return 10 * magnitude;
  }

  // bars({ labels, series: [{ name, values, colour }], colourOf(i) optional, description }) → <svg>
  function bars(spec) {
    const width = 560, height = 220, left = 40, right = 10, top = 14, bottom = 42;
    const max = niceMax(Math.max(0, ...spec.series.flatMap((s) => s.values)));
    const plotW = width - left - right, plotH = height - top - bottom;
    const svg = el("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": spec.description });
    svg.appendChild(el("title", {}, spec.description));
    for (const tick of [0, max / 2, max]) {
      const y = top + plotH - (tick / max) * plotH;
      svg.appendChild(el("line", { x1: left, x2: width - right, y1: y, y2: y, stroke: "#d9dee5" }));
      svg.appendChild(el("text", { x: left - 6, y: y + 4, "text-anchor": "end", "font-size": 11 }, String(tick)));
    }
    const groupW = plotW / Math.max(1, spec.labels.length);
    const barW = Math.max(2, Math.min(28, (groupW - 6) / spec.series.length));
    const every = Math.ceil(spec.labels.length / 14);
    spec.labels.forEach((label, i) => {
      const x0 = left + i * groupW + (groupW - barW * spec.series.length) / 2;
      spec.series.forEach((s, j) => {
        const value = s.values[i] ?? 0;
        const h = (value / max) * plotH;
        const bar = el("rect", { x: x0 + j * barW, y: top + plotH - h, width: barW - 1, height: h, fill: s.colourOf ? s.colourOf(i) : s.colour, class: `bar series-${j}` });
        bar.appendChild(el("title", {}, `${s.name}, ${label}: ${value}`));
        svg.appendChild(bar);
        if (value > 0 && barW >= 10) svg.appendChild(el("text", { x: x0 + j * barW + barW / 2, y: top + plotH - h - 3, "text-anchor": "middle", "font-size": 10 }, String(value)));
      });
      if (i % every === 0) svg.appendChild(el("text", { x: left + i * groupW + groupW / 2, y: height - bottom + 16, "text-anchor": "middle", "font-size": 11 }, label));
    });
    svg.appendChild(el("line", { x1: left, x2: width - right, y1: top + plotH, y2: top + plotH, stroke: colours.axis }));
    if (spec.limitAfter !== undefined) {
      const x = left + (spec.limitAfter + 1) * groupW;
      svg.appendChild(el("line", { x1: x, x2: x, y1: top, y2: top + plotH, stroke: colours.over, "stroke-dasharray": "4 3", "stroke-width": 2 }));
      svg.appendChild(el("text", { x: x + 4, y: top + 10, "font-size": 11 }, "limit"));
    }
    let legendX = left;
    for (const s of spec.series) {
      svg.appendChild(el("rect", { x: legendX, y: height - 14, width: 10, height: 10, fill: s.colour }));
      svg.appendChild(el("text", { x: legendX + 14, y: height - 5, "font-size": 11 }, s.name));
      legendX += 24 + 7 * s.name.length;
    }
    return svg;
  }

  // route(stops) → <svg>: one circle per stop along a line; done filled, expected hollow and dashed, skipped grey.
  function route(stops, description) {
    const width = 600, margin = 62, gap = (width - 2 * margin) / Math.max(1, stops.length - 1), height = 170, y = 62;
    const lastDone = stops.map((s) => s.state).lastIndexOf("Done");
    const svg = el("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": description });
    svg.appendChild(el("title", {}, description));
    stops.forEach((stop, i) => {
      const x = margin + i * gap;
      if (i > 0) {
        const reached = i <= lastDone; // the truck is past every leg up to the last stop done
        svg.appendChild(el("line", { x1: margin + (i - 1) * gap + 13, x2: x - 13, y1: y, y2: y, stroke: reached ? colours.done : colours.axis,
          "stroke-width": reached ? 5 : 3, "stroke-dasharray": reached ? "" : "6 5", class: reached ? "leg done" : "leg pending" }));
      }
      const colour = stop.state === "Done" ? colours.done : stop.state === "Expected" ? colours.expected : colours.skipped;
      const dot = el("circle", { cx: x, cy: y, r: 12, fill: stop.state === "Done" ? colour : "#fff", stroke: colour, "stroke-width": 4,
        "stroke-dasharray": stop.state === "Expected" ? "5 3" : "", class: `stop ${stop.state.toLowerCase()}` });
      dot.appendChild(el("title", {}, `${stop.kind} ${stop.office}: ${stop.note}`));
      svg.appendChild(dot);
      svg.appendChild(el("text", { x, y: y - 24, "text-anchor": "middle", "font-size": 12, "font-weight": 600 }, stop.kind));
      svg.appendChild(el("text", { x, y: y + 32, "text-anchor": "middle", "font-size": 12, "font-family": "monospace" }, stop.office));
      const when = stop.at ? stop.at.replace("T", " ").slice(0, 16) : null;
      const line = stop.state === "Done" ? when ?? "time not recorded" : stop.state === "Expected" ? (when ? `by ${when}` : "after arrival") : "not reported";
      svg.appendChild(el("text", { x, y: y + 50, "text-anchor": "middle", "font-size": 11 }, line));
      svg.appendChild(el("text", { x, y: y + 66, "text-anchor": "middle", "font-size": 10, fill: "#4a5561" }, stop.state === "Done" ? "done" : stop.state.toLowerCase()));
    });
    return svg;
  }

  return { bars, route, colours };
})();
