package dev.pindesk.adapters.receipt;

import dev.pindesk.ports.ReceiptPrinter.ReceiptException;
import java.awt.print.PrinterException;
import java.awt.print.PrinterJob;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.printing.PDFPageable;

/** Prints a receipt PDF through the system's print dialog (AWT printing, PDFBox pages). */
final class ReceiptPrintJob {

  boolean print(Path pdf) {
    if (PrinterJob.lookupPrintServices().length == 0) {
      throw new ReceiptException("receipt.no_printer", "no print service installed");
    }
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      PrinterJob job = PrinterJob.getPrinterJob();
      job.setJobName(pdf.getFileName().toString());
      job.setPageable(new PDFPageable(doc));
      if (!job.printDialog()) {
        return false;
      }
      job.print();
      return true;
    } catch (java.awt.HeadlessException e) {
      throw new ReceiptException("receipt.no_printer", "no display for the print dialog", e);
    } catch (IOException | PrinterException e) {
      throw new ReceiptException("receipt.not_printed", "printing " + pdf + ": " + e, e);
    }
  }
}
