package io.github.upgradejunit.internal.report;

/**
 * The page's inline style sheet: system fonts, tabular figures, the verdict colours of
 * {@link Palette}, a layout that reads on a laptop screen, and print rules (landscape A4, colours
 * kept, no page break inside a chart or table row). The page needs no script.
 */
final class ReportStyle {

  static final String CSS = """
      :root{--text:#1f2328;--muted:#59636e;--border:#d1d9e0;--faint:#f6f8fa;--green:#1a7f37;--green-bg:#dafbe1;\
      --amber:#9a6700;--amber-bg:#fff8c5;--red:#cf222e;--red-bg:#ffebe9;--blue:#0969da;--window:#e3f0ff}
      *{box-sizing:border-box}
      html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
      body{margin:0;background:#fff;color:var(--text);font:14px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",\
      Roboto,"Helvetica Neue",Arial,"Noto Sans","Liberation Sans",sans-serif}
      main{max-width:1240px;margin:0 auto;padding:28px 36px 48px}
      code,pre,.mono{font-family:ui-monospace,SFMono-Regular,"SF Mono",Menlo,Consolas,"Liberation Mono",monospace;\
      font-size:12.5px}
      h1{font-size:26px;font-weight:600;margin:2px 0 12px;line-height:1.25}
      h1 code{font-size:24px}
      h2{font-size:19px;font-weight:600;margin:36px 0 10px;padding-bottom:6px;border-bottom:1px solid var(--border)}
      h3{font-size:15px;font-weight:600;margin:22px 0 8px}
      p{margin:6px 0 10px}
      a{color:var(--blue);text-decoration:none}
      .eyebrow{font-size:12px;letter-spacing:.08em;text-transform:uppercase;color:var(--muted);font-weight:600}
      .lead{color:var(--muted);max-width:90ch}
      .muted{color:var(--muted)}
      .small{font-size:12px}
      .good-text{color:var(--green)}
      .bad-text{color:var(--red)}
      header.run{padding-bottom:14px}
      .headline{display:flex;flex-wrap:wrap;align-items:center;gap:10px 14px;margin:4px 0 8px}
      .headline .label{font-size:13px;color:var(--muted)}
      .badge{display:inline-block;padding:1px 10px;border-radius:999px;font-weight:600;font-size:12.5px;\
      border:1px solid;white-space:nowrap;line-height:1.6}
      .badge.large{font-size:16px;padding:3px 16px;letter-spacing:.02em}
      .badge.small{font-size:11.5px;padding:0 8px}
      .badge.good{color:var(--green);background:var(--green-bg);border-color:#aceebb}
      .badge.warn{color:var(--amber);background:var(--amber-bg);border-color:#eed888}
      .badge.bad{color:var(--red);background:var(--red-bg);border-color:#ffcecb}
      .callout{border-left:4px solid var(--border);background:var(--faint);padding:8px 14px;margin:10px 0;\
      border-radius:0 6px 6px 0}
      .callout.bad{border-color:var(--red);background:var(--red-bg)}
      .callout pre{margin:0;white-space:pre-wrap;font-size:12.5px}
      .callout ul{margin:4px 0 0;padding-left:20px}
      .facts{display:grid;grid-template-columns:repeat(auto-fill,minmax(250px,1fr));gap:8px 28px;margin:16px 0 0;\
      padding:14px 18px;background:var(--faint);border:1px solid var(--border);border-radius:8px}
      .facts dt{font-size:11.5px;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
      .facts dd{margin:0;font-variant-numeric:tabular-nums;overflow-wrap:anywhere}
      nav.toc{display:flex;flex-wrap:wrap;gap:4px 18px;padding:10px 0;border-bottom:1px solid var(--border);\
      font-size:13.5px;position:sticky;top:0;background:#fff;z-index:1}
      table{border-collapse:collapse;width:100%;font-size:13px;font-variant-numeric:tabular-nums;margin:6px 0 12px}
      th{text-align:left;font-weight:600;font-size:12px;color:var(--muted);border-bottom:1px solid var(--border);\
      padding:6px 10px;white-space:nowrap}
      td{border-bottom:1px solid #eaeef2;padding:7px 10px;vertical-align:top}
      th.num,td.num{text-align:right}
      td.num{white-space:nowrap}
      tr.overall td{border-top:2px solid var(--border);background:var(--faint)}
      tr.control td{color:var(--muted)}
      tr.note td{color:var(--muted);font-style:italic}
      tr.muted-row td{color:var(--muted)}
      tr.problem-row td{background:#fff5f4}
      tr.current td{background:#f0f7ff}
      table.verdicts td{vertical-align:middle}
      table.verdicts td:nth-child(3),table.verdicts td:nth-child(4),table.verdicts td:nth-child(5),\
      table.verdicts th:nth-child(3),table.verdicts th:nth-child(4),table.verdicts th:nth-child(5){text-align:center}
      .mark{display:inline-flex;width:26px;height:26px;border-radius:50%;align-items:center;justify-content:center}
      .mark.yes{background:var(--green-bg)}
      .mark.no{background:var(--red-bg)}
      svg.icon{display:block}
      ul.findings{list-style:none;margin:0;padding:0}
      ul.findings li{position:relative;padding-left:15px;margin:1px 0}
      ul.findings li::before{content:"";position:absolute;left:1px;top:.55em;width:7px;height:7px;border-radius:50%;\
      background:#afb8c1}
      ul.findings li.breaks-rolling::before{background:var(--red)}
      ul.findings li.caps::before{background:#d4a72c}
      p.evidence{margin:2px 0 0;color:var(--muted);font-size:12.5px}
      .cap{font-size:11px;color:var(--muted);border:1px solid var(--border);border-radius:4px;padding:0 4px;\
      white-space:nowrap}
      .tag{font-size:11px;color:var(--muted);border:1px solid var(--border);border-radius:4px;padding:0 5px;\
      white-space:nowrap}
      .tag.bad{color:var(--red);border-color:#ffcecb;background:var(--red-bg)}
      .detail{color:var(--muted);font-size:12px}
      .release{font-size:12px;color:var(--muted)}
      code.id{font-size:11.5px;color:var(--muted)}
      pre.message{margin:0;white-space:pre-wrap;word-break:break-word;font-size:12px;max-width:70ch}
      .ok-note{color:var(--green)}
      .window-key{background:var(--window);padding:0 4px;border-radius:3px}
      .figure{margin:8px 0 4px}
      svg{max-width:100%;height:auto}
      svg.timeline,svg.legend{display:block;width:100%}
      svg.mini{display:block;width:160px}
      svg.cdf{display:block;width:100%;max-width:470px}
      .closeups{display:flex;flex-wrap:wrap;gap:4px 28px;margin:0 0 22px;padding:10px 14px;\
      background:var(--faint);border-radius:8px}
      .closeups .caption{flex-basis:100%;margin:0;font-size:12px;color:var(--muted)}
      .closeups .figure{flex:0 1 600px}
      svg.closeup{display:block;width:100%;max-width:600px}
      .grid2{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,470px);gap:28px;align-items:start}
      .latency-service{break-inside:avoid}
      .compare{font-size:13px}
      .phase{display:inline-block;padding-left:14px;position:relative}
      .phase::before{content:"";position:absolute;left:0;top:.6em;width:9px;height:3px}
      .phase.p0::before{background:#6e7781}
      .phase.p1::before{background:#8250df}
      .phase.p2::before{background:#1b7c83}
      .sparks{display:flex;flex-wrap:wrap;gap:12px;margin:8px 0 12px}
      .spark-card{border:1px solid var(--border);border-radius:8px;padding:8px 12px;min-width:240px}
      .spark-title{font-weight:600;font-size:13px;margin-bottom:2px}
      svg.spark{display:block;width:220px;margin-top:4px}
      .strip{display:flex;flex-wrap:wrap;gap:3px;margin-top:8px;max-width:240px}
      .strip .cell{width:14px;height:14px;border-radius:3px;background:#d0d7de}
      .strip .cell.good{background:#4ac26b}
      .strip .cell.warn{background:#d4a72c}
      .strip .cell.bad{background:var(--red)}
      .strip .cell.current{outline:2px solid var(--blue);outline-offset:1px}
      footer{margin-top:28px;color:var(--muted);font-size:13px}
      footer p{max-width:110ch}
      footer h2{color:var(--text)}
      @media (max-width:900px){main{padding:16px}.grid2{grid-template-columns:1fr}}
      @media print{
      @page{size:A4 landscape;margin:12mm}
      body{font-size:11px}
      main{max-width:none;padding:0}
      nav.toc{display:none}
      h2{break-after:avoid;margin-top:20px}
      h3{break-after:avoid}
      tr,.figure,.spark-card,.facts,.callout{break-inside:avoid}
      a{color:inherit}
      }
      """;

  private ReportStyle() {
  }
}
