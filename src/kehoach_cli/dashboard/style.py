"""The page's stylesheet, inlined into the file: system fonts only (nothing to download),
one column on a phone, two on a wide screen or a projector, A4 landscape on paper.
Signals are never colour alone: each state is also a word, a symbol or a line style."""

CSS = """
:root{--ink:#1a1a1a;--muted:#555;--line:#d4d7dc;--paper:#fff;--back:#f3f4f6;
--blue:#0072B2;--sky:#56B4E9;--green:#007a5a;--orange:#b36b00;--red:#c23c00;--purple:#a0467f;
font-family:system-ui,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",Arial,sans-serif;
font-size:16px;line-height:1.45;color:var(--ink);background:var(--back)}
*{box-sizing:border-box}
body{margin:0}
header{background:#0b3d66;color:#fff;padding:1rem clamp(.75rem,3vw,2.5rem)}
header h1{margin:.1rem 0 .3rem;font-size:clamp(1.3rem,2.4vw,2.2rem);line-height:1.2}
header p{margin:.15rem 0}
.issuer{text-transform:uppercase;font-size:.85rem;letter-spacing:.04em;opacity:.9}
.plan-title{font-size:.95rem;opacity:.9;max-width:70rem}
header .as-of{font-weight:600}
nav{background:#fff;border-bottom:1px solid var(--line);position:sticky;top:0;z-index:1}
nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;margin:0;
padding:.5rem clamp(.75rem,3vw,2.5rem);list-style:none}
nav a{color:var(--blue);font-weight:600;text-decoration:none}
nav a:hover,nav a:focus{text-decoration:underline}
main{padding:1rem clamp(.5rem,3vw,2.5rem);max-width:120rem;margin:0 auto}
section{background:var(--paper);border:1px solid var(--line);border-radius:6px;
padding:1rem clamp(.6rem,2vw,1.5rem);margin:0 0 1rem}
h2{margin:0 0 .5rem;font-size:1.35rem}
h3{margin:1rem 0 .4rem;font-size:1.05rem}
.intro{color:var(--muted);margin:.2rem 0 .8rem;max-width:75rem;font-size:.95rem}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(10.5rem,1fr));gap:.6rem;
margin:0}
.card{border:1px solid var(--line);border-left:.45rem solid var(--muted);border-radius:4px;
padding:.5rem .75rem;background:#fafafa}
.card dt{font-weight:600;font-size:.95rem}
.card dd{margin:0}
.card .value{font-size:clamp(1.6rem,2.6vw,2.4rem);font-weight:700;line-height:1.15;
white-space:nowrap}
.card .note{color:var(--muted);font-size:.9rem}
.symbol{display:inline-block;width:1.3em;height:1.3em;line-height:1.3em;text-align:center;
border-radius:50%;margin-right:.35em;color:#fff;font-size:.8em;font-weight:700}
.tone-ok{border-left-color:var(--green)}.tone-ok .symbol{background:var(--green)}
.tone-warn{border-left-color:var(--orange)}.tone-warn .symbol{background:var(--orange)}
.tone-bad{border-left-color:var(--red)}.tone-bad .symbol{background:var(--red)}
.tone-info{border-left-color:var(--blue)}.tone-info .symbol{background:var(--blue)}
.meter{position:relative;display:block;height:.75rem;background:#e3e6ea;
border:1px solid #b9bec6;border-radius:2px;margin:.4rem 0 .15rem}
.meter .fill{display:block;height:100%;background:var(--blue)}
.meter .time{position:absolute;top:-.3rem;bottom:-.3rem;width:0;border-left:3px solid var(--ink)}
.attention{margin:.2rem 0 0;padding-left:1.3rem}
.attention li{margin:.15rem 0}
.calm{color:var(--muted)}
.notice{background:#fff4e5;border:1px solid var(--orange);border-radius:4px;padding:.6rem .8rem}
.total-line{font-weight:600}
.grid{display:grid;grid-template-columns:minmax(0,1fr);gap:1rem}
figure{margin:0}
figcaption{font-weight:600;margin:0 0 .3rem}
.chart{max-width:56rem}
.chart svg{display:block;width:100%;height:auto}
.scroll{overflow-x:auto;margin:.5rem 0}
.scroll:focus{outline:2px solid var(--blue)}
table{border-collapse:collapse;width:100%;font-size:.95rem}
caption{text-align:left;font-weight:600;padding:.3rem 0;color:var(--muted)}
th,td{border-bottom:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#eef1f5;font-weight:600}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr.total td{font-weight:700;border-top:2px solid var(--ink)}
.unknown,.unknown-row td{color:var(--muted);font-style:italic}
td.task{padding-left:calc(.5rem + var(--level,0) * 1.4rem)}
tr.level-0 .task-name{font-weight:700}
tr.heading td{background:#f7f8fa}
.progress{display:flex;align-items:center;gap:.5rem;min-width:10rem}
.bar{flex:1;height:.8rem;background:#e3e6ea;border:1px solid #b9bec6;border-radius:2px;
overflow:hidden;min-width:5rem}
.bar span{display:block;height:100%;background:var(--blue)}
.bar-done span{background:var(--green)}
.bar-delayed span{background:repeating-linear-gradient(135deg,var(--red) 0 6px,#e4875a 6px 10px)}
.pct{white-space:nowrap;font-variant-numeric:tabular-nums;min-width:3.5rem}
.mark{display:inline-block;border-radius:3px;padding:0 .35rem;font-size:.88rem;
font-weight:600;white-space:nowrap;margin:.05rem 0}
.mark-overdue{background:#fde8e0;color:#8a2a00;border:1px solid var(--red)}
.mark-difficulty{background:#fdf1db;color:#6e4300;border:1px solid var(--orange)}
tr.delayed .task-name::after{content:" (chậm)";color:var(--red);font-weight:600}
.sub-late .state,.sub-missing .state,.sub-invalid .state{font-weight:700}
.sub-missing .state,.sub-invalid .state{color:var(--red)}
.sub-late .state{color:var(--orange)}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:.15rem .8rem;margin:.4rem 0}
.facts div{display:contents}
.facts dt{font-weight:600}
.facts dd{margin:0}
footer{padding:1rem clamp(.75rem,3vw,2.5rem) 2rem;color:var(--muted);font-size:.9rem}
footer p{margin:.2rem 0}
@media (min-width:75rem){
.grid{grid-template-columns:repeat(2,minmax(0,1fr))}
#gui-bao-cao .figure{display:grid;grid-template-columns:minmax(0,1.1fr) minmax(0,1fr);
gap:0 1.5rem;align-items:start}
#gui-bao-cao figcaption{grid-column:1/-1}
#cac-nam .chart{max-width:36rem}
}
@media (min-width:110rem){:root{font-size:18px}}
@media (max-width:40rem){
:root{font-size:15px}
table.stack thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
table.stack,table.stack tbody,table.stack tr,table.stack td{display:block;width:100%}
table.stack tr{border:1px solid var(--line);border-radius:4px;margin:0 0 .5rem;padding:.2rem 0}
table.stack td{border:0;padding:.2rem .6rem;display:flex;gap:.6rem;justify-content:space-between;
text-align:right}
table.stack td::before{content:attr(data-label);font-weight:600;text-align:left;flex:none;
max-width:45%;color:var(--muted)}
table.stack caption{display:block;width:100%}
table.stack td.empty{display:none}
table.stack td.task{padding-left:.6rem;display:block;text-align:left}
.plan-title{font-size:.85rem}
table.stack td.task::before{display:none}
table.stack .progress{min-width:0;flex:1;max-width:60%}
}
@media print{
@page{size:A4;margin:11mm 10mm}
:root{font-size:8.5pt;line-height:1.3;background:#fff}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
nav{display:none}
header{background:#fff;color:#000;border-bottom:2px solid #000;padding:0 0 2mm}
header h1{font-size:13pt}
.issuer,.plan-title{font-size:8pt}
main{padding:0;max-width:none}
section{border:0;padding:0;margin:0 0 3mm;break-inside:auto;background:none}
h2{font-size:11pt;margin:2mm 0 1mm}
h3{font-size:9.5pt;margin:1.5mm 0 1mm}
h2,h3,figcaption,caption,.intro,.total-line{break-after:avoid}
figure,.card,tr,.indicator,.cards,.attention li,.facts{break-inside:avoid}
.intro{font-size:7.5pt;margin:0 0 1mm}
.cards{grid-template-columns:repeat(5,minmax(0,1fr));gap:1.5mm}
.card{padding:1mm 2mm}
.card .value{font-size:14pt}
.card .note{font-size:7.5pt}
.figure{display:grid;grid-template-columns:62mm minmax(0,1fr);gap:0 4mm;align-items:start}
.figure figcaption{grid-column:1/-1}
.chart{max-width:62mm}
.chart svg{max-height:90mm}
.grid{grid-template-columns:minmax(0,1fr);gap:2mm}
.scroll{overflow:visible;margin:0}
table{font-size:7.5pt}
th,td{padding:.4mm 1.2mm}
.progress{min-width:0}
thead{display:table-header-group}
footer{padding:2mm 0 0;font-size:7pt}
}
"""
