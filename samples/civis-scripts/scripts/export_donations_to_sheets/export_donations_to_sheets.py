# Monthly donor report for the finance team -> Google Sheet.
# Civis: "Export Donations to Sheets" (runs on the 1st, 06:30)
import json
import os
from datetime import date, timedelta

from parsons import GoogleSheets, Redshift

SHEET_ID = "1Bx9kq_example_sheet_id_Zr0T"

# Civis custom credential "GOOGLE_SERVICE_ACCOUNT": the whole JSON key is stored as the password
creds = json.loads(os.environ["GOOGLE_SERVICE_ACCOUNT_PASSWORD"])
sheets = GoogleSheets(google_keyfile_dict=creds)

first_of_this_month = date.today().replace(day=1)
first_of_last_month = (first_of_this_month - timedelta(days=1)).replace(day=1)

rs = Redshift()
tbl = rs.query(
    """
    select donor_id, donor_name, sum(amount) as total, count(*) as gifts
    from finance.donations
    where received_at >= %s and received_at < %s
    group by 1, 2
    order by total desc
    """,
    parameters=[first_of_last_month, first_of_this_month],
)

sheets.overwrite_sheet(SHEET_ID, tbl, worksheet=first_of_last_month.strftime("%Y-%m"))
print(f"Exported {tbl.num_rows} donors for {first_of_last_month:%B %Y}")
