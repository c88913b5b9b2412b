/**
 * More stored forms seen on real servers, beyond normalization-cases.json. They pin down the
 * parenthesis rules the JSON alone leaves open: arithmetic nesting, AND inside OR, NOT, CASE
 * without ELSE, and IN/BETWEEN on the right-hand side of a chain.
 */
import { storedForm } from '../../standin/engine/stored-form';

describe('AdventureWorks: instawdb.sql text vs. the definition dumped from a live database', () => {
  // Written: microsoft/sql-server-samples .../instawdb.sql; stored: michaelpaulus/temelie
  // src/AdventureWorks.Database (04_CheckConstraints/*.sql.json, 02_Tables/*.sql.json).
  it.each([
    [
      'check', 'CK_BillOfMaterials_BOMLevel: AND groups inside OR lose every parenthesis',
      '(([ProductAssemblyID] IS NULL) \n AND ([BOMLevel] = 0) AND ([PerAssemblyQty] = 1.00)) \n OR (([ProductAssemblyID] IS NOT NULL) AND ([BOMLevel] >= 1))',
      '([ProductAssemblyID] IS NULL AND [BOMLevel]=(0) AND [PerAssemblyQty]=(1.00) OR [ProductAssemblyID] IS NOT NULL AND [BOMLevel]>=(1))',
    ],
    [
      'check', 'CK_Employee_BirthDate: negative literal inside a function call',
      "[BirthDate] BETWEEN '1930-01-01' AND DATEADD(YEAR, -18, GETDATE())",
      "([BirthDate]>='1930-01-01' AND [BirthDate]<=dateadd(year,(-18),getdate()))",
    ],
    [
      'check', 'CK_ProductInventory_Shelf: LIKE is lower-case with spaces',
      "([Shelf] LIKE '[A-Za-z]') OR ([Shelf] = 'N/A')",
      "([Shelf] like '[A-Za-z]' OR [Shelf]='N/A')",
    ],
    [
      'check', 'CK_Employee_Gender: IN list reversed',
      "UPPER([Gender]) IN ('M', 'F')",
      "(upper([Gender])='F' OR upper([Gender])='M')",
    ],
    [
      'computed', 'SalesOrderHeader.TotalDue: a sum inside a sum is parenthesised',
      'ISNULL([SubTotal] + [TaxAmt] + [Freight], 0)',
      '(isnull(([SubTotal]+[TaxAmt])+[Freight],(0)))',
    ],
    [
      'computed', 'SalesOrderDetail.LineTotal: every nested arithmetic operand is parenthesised',
      'ISNULL([UnitPrice] * (1.0 - [UnitPriceDiscount]) * [OrderQty], 0.0)',
      '(isnull(([UnitPrice]*((1.0)-[UnitPriceDiscount]))*[OrderQty],(0.0)))',
    ],
    [
      'computed', 'SalesOrderHeader.SalesOrderNumber: CONVERT type bracketed, N strings kept',
      "ISNULL(N'SO' + CONVERT(nvarchar(23), [SalesOrderID]), N'*** ERROR ***')",
      "(isnull(N'SO'+CONVERT([nvarchar](23),[SalesOrderID]),N'*** ERROR ***'))",
    ],
    [
      'computed', 'Customer.AccountNumber: schema-qualified function keeps its case, bracketed',
      "ISNULL('AW' + [dbo].[ufnLeadingZeros](CustomerID), '')",
      "(isnull('AW'+[dbo].[ufnLeadingZeros]([CustomerID]),''))",
    ],
    [
      'computed', 'Employee.OrganizationLevel: a method call on a column is printed like a two-part name',
      'OrganizationNode.GetLevel()',
      '([OrganizationNode].[GetLevel]())',
    ],
    [
      'computed', 'PurchaseOrderDetail.LineTotal: a single product needs no inner parentheses',
      'ISNULL([OrderQty] * [UnitPrice], 0.00)',
      '(isnull([OrderQty]*[UnitPrice],(0.00)))',
    ],
  ] as const)('%s %s', (kind, _name, written, stored) => {
    expect(storedForm(kind, written)).toBe(stored);
    expect(storedForm(kind, stored)).toBe(stored);
  });
});

describe('definitions scripted out of live servers (written text not published; stored text must round-trip)', () => {
  // Each is the inner text of a CHECK (...) / AS (...) that SSMS or EF Core scaffolding
  // scripted from sys.* views; found with the code search, sources named per case.
  it.each([
    // "Notify" table script: CASE without ELSE prints two spaces before `end`; a CASE operand of
    // a comparison gets no parentheses.
    ['check', '(case when [Notify_Stage]>=(1) AND [Notify_Seq]>(1) AND [HTML_Footer] IS NOT NULL then (1)  end=(0))'],
    ['check', '([Profile_Name] IS NULL AND [From_Address] IS NOT NULL OR [Profile_Name] IS NOT NULL AND [From_Address] IS NULL)'],
    // NOT LIKE is stored as NOT <x> like; NOT of an AND/OR keeps the parentheses.
    ['check', "(NOT [Course_Name] like '%[^A-Z ]%')"],
    ['check', '(NOT ([EIPPerformanceMeasureID]=(34) OR [EIPPerformanceMeasureID]=(33)))'],
    ['check', '(NOT ([DraftGeometry] IS NOT NULL AND [OnlandVisualTrashAssessmentAreaID] IS NOT NULL))'],
    ['check', "(NOT [AddressLine1] like ('%'+char((13)))+'%' AND NOT [AddressLine1] like ('%'+char((10)))+'%')"],
    ['check', "(NOT [carnet] like '%[^0-9]%' AND (len([carnet])>=(7) AND len([carnet])<=(8)))"],
    ['check', '([IdentyfikatorRekordu]<>(0))'],
    // EF Core scaffolded computed columns (InventoryManagement PurchaseConfiguration.cs).
    ['computed', '(case when [PurchaseTotalPrice]=(0) then (0) else ([PurchaseDiscountAmount]*(100))/[PurchaseTotalPrice] end)'],
    ['computed', '(([PurchaseTotalPrice]+[PurchaseReturnAmount])-([PurchaseDiscountAmount]+[PurchasePaidAmount]))'],
    ['computed', "(case when (([PurchaseTotalPrice]+[PurchaseReturnAmount])-([PurchaseDiscountAmount]+[PurchasePaidAmount]))<=(0) then 'Paid' else 'Due' end)"],
    ['default', "(coalesce(nullif(suser_sname(),'dbo'),nullif(user_name(),'dbo'),nullif(user_name(),'dbo')))"],
  ] as const)('%s %s', (kind, stored) => {
    expect(storedForm(kind, stored)).toBe(stored);
  });

  it('produces those forms from plausible written text', () => {
    expect(storedForm('check', "[Course_Name] NOT LIKE '%[^A-Z ]%'")).toBe("(NOT [Course_Name] like '%[^A-Z ]%')");
    expect(storedForm('check', '[EIPPerformanceMeasureID] NOT IN (33, 34)')).toBe('(NOT ([EIPPerformanceMeasureID]=(34) OR [EIPPerformanceMeasureID]=(33)))');
    expect(storedForm('check', "[carnet] NOT LIKE '%[^0-9]%' AND LEN([carnet]) BETWEEN 7 AND 8"))
      .toBe("(NOT [carnet] like '%[^0-9]%' AND (len([carnet])>=(7) AND len([carnet])<=(8)))");
    expect(storedForm('check', 'CASE WHEN Notify_Stage >= 1 AND Notify_Seq > 1 AND HTML_Footer IS NOT NULL THEN 1 END = 0'))
      .toBe('(case when [Notify_Stage]>=(1) AND [Notify_Seq]>(1) AND [HTML_Footer] IS NOT NULL then (1)  end=(0))');
    expect(storedForm('computed', 'CASE WHEN PurchaseTotalPrice = 0 THEN 0 ELSE (PurchaseDiscountAmount * 100) / PurchaseTotalPrice END'))
      .toBe('(case when [PurchaseTotalPrice]=(0) then (0) else ([PurchaseDiscountAmount]*(100))/[PurchaseTotalPrice] end)');
    expect(storedForm('check', "[AddressLine1] NOT LIKE '%' + CHAR(13) + '%'"))
      .toBe("(NOT [AddressLine1] like ('%'+char((13)))+'%')");
  });
});
